package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV downloads (issue 14): a link with ?format=csv downloads a file (Content-Disposition, a UTF-8 BOM for
 * Excel), and the claims file never double-counts: one row per claim and total it belongs to, where summing
 * inGrandTotal gives /totals/grand of the same filters and summing countedValue over one total gives that total.
 * The data has a parent pair over two child pairs (Guangdong -> Guangxi over Shenzhen -> Baise and Shenzhen ->
 * Hechi), a claim two reports state, a plan, a pair under a parent no report names, and a second metric.
 */
@QuarkusTest
@TestProfile(CsvExportIT.OwnRecord.class)
class CsvExportIT {

    /** Its own topic and database: the row counts and sums are exactly the facts published here. */
    public static class OwnRecord implements QuarkusTestProfile {

        static final String TOPIC = "facts-csv-export";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.facts.topic", TOPIC,
                    "mp.messaging.incoming.facts.group.id", "metrics-csv-export-it",
                    "mp.messaging.incoming.facts.dead-letter-queue.topic", TOPIC + "-dlq");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedInfraResource.class, Map.of("database", "metrics_csv_export")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String[] GUANGDONG = {"Guangdong", "440000", "province"};
    private static final String[] GUANGXI = {"Guangxi", "450000", "province"};
    private static final String[] SHENZHEN = {"Shenzhen", "440300", "prefecture"};
    private static final String[] BAISE = {"Baise", "451000", "prefecture"};
    private static final String[] HECHI = {"Hechi", "451200", "prefecture"};
    private static final String[] HANGZHOU = {"Hangzhou", "330100", "prefecture"};
    private static final String[] QIANDONGNAN = {"Qiandongnan", "522600", "prefecture"};
    private static final String RESTATED = "2019年深圳市投入百色市财政帮扶资金4.1亿元。";

    static final List<String> CLAIM_COLUMNS = List.of("totalDonor", "totalRecipient", "totalLevel", "totalParent",
            "metric", "unit", "total", "claimId", "claimDonor", "claimRecipient", "value", "used", "countedValue",
            "inGrandTotal", "reason", "insteadOf", "qualifier", "basis", "periodStart", "periodEnd", "asOf",
            "conflicted", "confidence", "confidenceReasons", "partOf", "origin", "reviewStatus", "reviewedBy",
            "reviewedAt", "sourceCount", "reportIds", "evidence", "reviewUrl");
    static final List<String> TOTAL_COLUMNS = List.of("donor", "donorCode", "recipient", "recipientCode", "level",
            "metric", "unit", "total", "claimCount", "donorMembers", "recipientMembers", "reviewedShare", "parent",
            "inGrandTotal");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String HANGZHOU_EVIDENCE = "2020年杭州市向黔东南州投入财政帮扶资金2亿元，用于产业项目。";

    private static String first;
    private static String second;

    /** Once for the class, from the first test: the application (and its configuration) is up by then. */
    @BeforeEach
    void publishFacts() throws InterruptedException {
        if (first != null) {
            return;
        }
        first = "csv-" + UUID.randomUUID();
        second = "csv-" + UUID.randomUUID();
        try (FactsTopic topic = new FactsTopic(OwnRecord.TOPIC)) {
            topic.publish(FactsTopic.replaced(first, 1, List.of(
                    FactsTopic.regional(GUANGDONG, GUANGXI, "funds_cny", 1_000_000_000L, "CNY", 2019,
                            "In 2019 Guangdong gave Guangxi one billion yuan of aid funds."),
                    FactsTopic.regional(SHENZHEN, BAISE, "funds_cny", 410_000_000L, "CNY", 2019,
                            "In 2019 Shenzhen put 410 million yuan of aid funds into Baise."),
                    FactsTopic.regional(SHENZHEN, BAISE, "funds_cny", 455_000_000L, "CNY", 2020,
                            "In 2020 Shenzhen's aid funds for Baise came to 455 million yuan."),
                    FactsTopic.asPlan(FactsTopic.regional(SHENZHEN, BAISE, "funds_cny", 500_000_000L, "CNY", 2021,
                            "Shenzhen plans 500 million yuan for Baise in 2021.")),
                    FactsTopic.regional(SHENZHEN, HECHI, "funds_cny", 300_000_000L, "CNY", 2019,
                            "Shenzhen gave Hechi 300 million yuan in 2019."),
                    FactsTopic.regional(HANGZHOU, QIANDONGNAN, "funds_cny", 200_000_000L, "CNY", 2020,
                            HANGZHOU_EVIDENCE),
                    FactsTopic.regional(SHENZHEN, BAISE, "projects", 12L, "projects", 2019,
                            "Shenzhen built 12 projects in Baise in 2019."))));
            topic.publish(FactsTopic.replaced(second, 1, List.of(
                    FactsTopic.regional(SHENZHEN, BAISE, "funds_cny", 410_000_000L, "CNY", 2019, RESTATED))));
        }
        awaitTotals(first);
        awaitTotals(second);
    }

    @Test
    void theClaimsFileDownloadsWithOneRowPerClaimAndTotalAndSumsToTheHeadline() throws IOException {
        Response response = given().queryParam("metric", "funds_cny").queryParam("expand", "claims")
                .queryParam("format", "csv").when().get("/totals");
        response.then().statusCode(200)
                .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"counterpart-claims-funds_cny.csv\""));
        CsvFile file = CsvFile.of(response.asByteArray());
        assertEquals(CLAIM_COLUMNS, file.header());

        // Guangdong -> Guangxi: its own claim (left out, the child pairs are larger) and its children's three used
        // claims; Shenzhen -> Baise: two used claims (one stated by two reports, whose second statement is listed
        // as a duplicate) and the plan; Shenzhen -> Hechi: one; Hangzhou -> Qiandongnan: one, and again under
        // Zhejiang -> Guizhou, which no report names.
        assertEquals(11, file.rows().size(), file.toString());
        int claimsInJson = given().queryParam("metric", "funds_cny").queryParam("expand", "claims").when().get("/totals")
                .then().statusCode(200).extract().jsonPath().getList("claims.flatten()").size();
        assertEquals(claimsInJson, file.rows().size());

        BigDecimal grand = grandTotal(Map.of("metric", "funds_cny"), "funds_cny");
        assertEquals(0, new BigDecimal("1365000000").compareTo(grand), grand.toPlainString());
        assertEquals(0, grand.compareTo(file.sum("inGrandTotal", row -> true)));

        BigDecimal parent = JSON.readTree(given().when().get("/totals/Guangdong/Guangxi/funds_cny").then()
                .statusCode(200).extract().asString()).get("total").decimalValue();
        assertEquals(0, parent.compareTo(new BigDecimal("1165000000")));
        assertEquals(0, parent.compareTo(file.sum("countedValue", total("Guangdong", "Guangxi"))));
        assertEquals(0, new BigDecimal("865000000").compareTo(file.sum("countedValue", total("Shenzhen", "Baise"))));

        // Which total a row belongs to is always said; a child's claim under its parent is not in the grand total twice
        Map<String, String> restated = file.rows().stream()
                .filter(total("Shenzhen", "Baise")).filter(row -> row.get("value").equals("410000000"))
                .filter(row -> row.get("used").equals("true"))
                .findFirst().orElseThrow();
        assertEquals("Guangdong → Guangxi", restated.get("totalParent"));
        assertEquals("true", restated.get("used"));
        assertEquals("0", restated.get("inGrandTotal"));
        assertEquals("2", restated.get("sourceCount"));
        assertEquals(List.of(first, second).stream().sorted().toList(),
                Arrays.stream(restated.get("reportIds").split("; ")).sorted().toList());
        Map<String, String> duplicate = file.rows().stream().filter(row -> "duplicate".equals(row.get("reason")))
                .findFirst().orElseThrow();
        assertEquals(List.of(restated.get("claimId"), "0"), List.of(duplicate.get("insteadOf"), duplicate.get("countedValue")));
        Map<String, String> plan = file.rows().stream().filter(row -> "plan".equals(row.get("reason"))).findFirst()
                .orElseThrow();
        assertEquals(List.of("false", "0", "0"), List.of(plan.get("used"), plan.get("countedValue"), plan.get("inGrandTotal")));
        Map<String, String> own = file.rows().stream().filter(row -> "child_pairs_larger".equals(row.get("reason")))
                .findFirst().orElseThrow();
        assertEquals(List.of("Guangdong", "Guangxi", "", "0"), List.of(own.get("totalDonor"), own.get("totalRecipient"),
                own.get("totalParent"), own.get("inGrandTotal")));
        // Chinese evidence arrives whole, in UTF-8 (which Excel reads as such because of the BOM)
        assertTrue(file.rows().stream().allMatch(row -> !row.get("evidence").isEmpty()), file.toString());
        assertEquals(List.of(HANGZHOU_EVIDENCE, HANGZHOU_EVIDENCE), file.rows().stream()
                .filter(row -> row.get("claimDonor").equals("Hangzhou")).map(row -> row.get("evidence")).toList());
    }

    @Test
    void summingInGrandTotalGivesTheHeadlineForAnyFilters() throws IOException {
        List<Map<String, String>> filters = List.of(Map.of(), Map.of("donor", "Shenzhen"),
                Map.of("province", "Guangxi"), Map.of("province", "Guangxi", "level", "prefecture"),
                Map.of("recipient", "Baise", "metric", "projects"));
        for (Map<String, String> filter : filters) {
            CsvFile claims = CsvFile.of(csv(filter).queryParam("expand", "claims").when().get("/totals")
                    .then().statusCode(200).extract().asByteArray());
            CsvFile totals = CsvFile.of(csv(filter).when().get("/totals").then().statusCode(200).extract().asByteArray());
            com.fasterxml.jackson.databind.JsonNode grand = JSON.readTree(given().queryParams(filter).when()
                    .get("/totals/grand").then().statusCode(200).extract().asString());
            List<String> metrics = new java.util.ArrayList<>();
            grand.forEach(row -> metrics.add(row.get("metric").asText()));
            assertTrue(!metrics.isEmpty(), "the filters " + filter + " select something");
            for (int i = 0; i < metrics.size(); i++) {
                String metric = metrics.get(i);
                BigDecimal headline = grand.get(i).get("total").decimalValue();
                assertEquals(0, headline.compareTo(claims.sum("inGrandTotal", row -> row.get("metric").equals(metric))),
                        filter + " " + metric + ": " + claims);
                assertEquals(0, headline.compareTo(totals.sum("inGrandTotal", row -> row.get("metric").equals(metric))),
                        filter + " " + metric + ": " + totals);
            }
            assertEquals(0, BigDecimal.ZERO.compareTo(claims.sum("inGrandTotal", row -> !metrics.contains(row.get("metric")))));
        }
        // The province filter selects the parent and both children: only the parent is added
        CsvFile guangxi = CsvFile.of(csv(Map.of("province", "Guangxi", "metric", "funds_cny")).when().get("/totals")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(3, guangxi.rows().size(), guangxi.toString());
        assertEquals(0, new BigDecimal("1165000000").compareTo(guangxi.sum("inGrandTotal", row -> true)));
    }

    @Test
    void theTotalsFileListsEveryRowWithItsParentAndIsAlsoChosenByAccept() throws IOException {
        Response response = given().accept("text/csv").queryParam("metric", "funds_cny").queryParam("limit", "1")
                .when().get("/totals");
        response.then().statusCode(200)
                .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"counterpart-totals-funds_cny.csv\""));
        CsvFile file = CsvFile.of(response.asByteArray());
        assertEquals(TOTAL_COLUMNS, file.header());
        assertEquals(5, file.rows().size(), "every row, not a page: " + file);
        Map<String, String> baise = file.rows().stream().filter(row -> row.get("recipient").equals("Baise")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Guangdong → Guangxi", "0"), List.of(baise.get("parent"), baise.get("inGrandTotal")));
        Map<String, String> guizhou = file.rows().stream().filter(row -> row.get("donor").equals("Zhejiang")).findFirst()
                .orElseThrow();
        assertEquals(List.of("", "200000000"), List.of(guizhou.get("parent"), guizhou.get("inGrandTotal")));

        // format=json wins over Accept, and is the JSON page it always was
        given().accept("text/csv").queryParam("format", "json").queryParam("limit", "1").when().get("/totals")
                .then().statusCode(200).contentType(startsWith("application/json")).body("size()", equalTo(1));
    }

    @Test
    void oneTotalsClaimsDownloadAsAFileOfItsOwn() throws IOException {
        Response child = given().queryParam("format", "csv").when().get("/totals/Shenzhen/Baise/funds_cny");
        child.then().statusCode(200).header("Content-Type", equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"counterpart-claims-Shenzhen-Baise-funds_cny.csv\""));
        CsvFile claims = CsvFile.of(child.asByteArray());
        assertEquals(CLAIM_COLUMNS, claims.header());
        assertEquals(4, claims.rows().size(), "two used, a duplicate, a plan: " + claims);
        assertEquals(0, new BigDecimal("865000000").compareTo(claims.sum("countedValue", row -> true)));
        assertEquals(0, BigDecimal.ZERO.compareTo(claims.sum("inGrandTotal", row -> true)), "not at the top");

        CsvFile parent = CsvFile.of(given().accept("text/csv").when().get("/totals/Guangdong/Guangxi/funds_cny")
                .then().statusCode(200).header("Content-Disposition", startsWith("attachment;"))
                .extract().asByteArray());
        assertEquals(4, parent.rows().size(), parent.toString());
        assertEquals(0, new BigDecimal("1165000000").compareTo(parent.sum("inGrandTotal", row -> true)));
        assertEquals(0, new BigDecimal("1165000000").compareTo(parent.sum("countedValue", row -> true)));
    }

    @Test
    void aFormatOtherThanJsonOrCsvIsA400NamingIt() {
        for (String path : new String[] {"/totals", "/totals/Shenzhen/Baise/funds_cny"}) {
            given().queryParam("format", "xlsx").when().get(path)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("invalidParams.name", hasItems("format"));
        }
    }

    private static RequestSpecification csv(Map<String, String> filter) {
        return given().queryParams(filter).queryParam("format", "csv");
    }

    private static Predicate<Map<String, String>> total(String donor, String recipient) {
        return row -> row.get("totalDonor").equals(donor) && row.get("totalRecipient").equals(recipient);
    }

    private static BigDecimal grandTotal(Map<String, String> filter, String metric) throws IOException {
        for (var row : JSON.readTree(given().queryParams(filter).when().get("/totals/grand").then().statusCode(200)
                .extract().asString())) {
            if (row.get("metric").asText().equals(metric)) {
                return row.get("total").decimalValue();
            }
        }
        throw new AssertionError("no grand total of " + metric);
    }

    private static void awaitTotals(String reportId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().when().get("/projection/reports/" + reportId);
            if (response.statusCode() == 200 && response.jsonPath().getString("totalsAt") != null) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the facts of " + reportId + " did not reach the totals in time");
    }

    /** A downloaded file: it must start with a UTF-8 byte order mark; then read by a real CSV parser. */
    record CsvFile(List<String> header, List<Map<String, String>> rows) {

        static CsvFile of(byte[] body) throws IOException {
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3),
                    "a UTF-8 byte order mark first");
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String[]> lines;
            try (MappingIterator<String[]> read = mapper.readerFor(String[].class).readValues(text)) {
                lines = read.readAll();
            }
            List<String> header = List.of(lines.get(0));
            List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(cells -> {
                assertEquals(header.size(), cells.length, "every row has every column: " + String.join(",", cells));
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(header.get(i), cells[i]);
                }
                return row;
            }).toList();
            return new CsvFile(header, rows);
        }

        BigDecimal sum(String column, Predicate<Map<String, String>> which) {
            return rows.stream().filter(which).map(row -> new BigDecimal(row.get(column)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public String toString() {
            return rows.stream().map(Map::toString).reduce("", (a, b) -> a + "\n  " + b);
        }
    }
}
