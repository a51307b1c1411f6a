package org.counterpart.facts.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /facts over stored facts of known confidence and parties: the confidence floor, group parties found by
 * their own name or a member's, and the new fields as the API answers them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class FactQueryIT {

    private static final String GROUP = "[{\"name\":\"Shanghai\",\"code\":\"310000\",\"level\":\"province\"},"
            + "{\"name\":\"Guangdong\",\"code\":\"440000\",\"level\":\"province\"}]";

    private UUID reportId;
    private Fact whole;
    private Fact part;
    private Fact doubtful;

    private Fact fact(int ordinal, String confidence, String reasons) {
        Fact fact = new Fact();
        fact.id = UUID.randomUUID();
        fact.reportId = reportId;
        fact.ordinal = ordinal;
        fact.metric = "personnel_exchanged";
        fact.value = BigDecimal.valueOf(837 - ordinal);
        fact.unit = "people";
        fact.qualifier = "exact";
        fact.basis = "period";
        fact.donorName = "Shanghai and Guangdong";
        fact.donorLevel = "group";
        fact.donorMembers = GROUP;
        fact.recipientName = "Yunnan";
        fact.recipientCode = "530000";
        fact.recipientLevel = "province";
        fact.evidenceSentence = "In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan.";
        fact.evidenceStart = 0;
        fact.evidenceEnd = 57;
        fact.evidenceFigureStart = 36;
        fact.evidenceFigureEnd = 46;
        fact.confidence = confidence;
        fact.reasons = reasons;
        fact.extractorVersion = "test";
        return fact;
    }

    @BeforeEach
    void storeFacts() {
        reportId = UUID.randomUUID();
        whole = fact(0, "high", "[]");
        part = fact(1, "medium", "[\"party_from_context\"]");
        part.partOf = whole.id;
        doubtful = fact(2, "low", "[\"party_from_context\",\"figure_is_a_rate\"]");
        doubtful.donorName = "Fujian";
        doubtful.donorCode = "350000";
        doubtful.donorLevel = "province";
        doubtful.donorMembers = null;
        // the part first: the ledger does not promise to insert a whole before its parts
        QuarkusTransaction.requiringNew().run(() -> List.of(part, whole, doubtful).forEach(f -> f.persist()));
    }

    private RequestSpecification ofThisReport() {
        return given().queryParam("reportId", reportId.toString());
    }

    private List<String> ids(Fact... facts) {
        return java.util.Arrays.stream(facts).map(f -> f.id.toString()).toList();
    }

    @Test
    void withoutAFloorEveryConfidenceIsListed() {
        ofThisReport().get("/facts").then().statusCode(200).body("id", contains(ids(whole, part, doubtful).toArray()));
    }

    @Test
    void aConfidenceFloorKeepsFactsAtLeastThatConfident() {
        ofThisReport().queryParam("minConfidence", "high").get("/facts").then().statusCode(200)
                .body("id", contains(ids(whole).toArray()));
        ofThisReport().queryParam("minConfidence", "medium").get("/facts").then().statusCode(200)
                .body("id", contains(ids(whole, part).toArray()));
        ofThisReport().queryParam("minConfidence", "low").get("/facts").then().statusCode(200)
                .body("id", contains(ids(whole, part, doubtful).toArray()));
    }

    @Test
    void factsComeAPageAtATimeWithANextLinkUntilTheLast() {
        List<String> seen = new java.util.ArrayList<>();
        String url = "/facts?reportId=" + reportId + "&limit=2";
        int pages = 0;
        while (url != null) {
            var answer = given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract();
            seen.addAll(answer.jsonPath().getList("id"));
            String link = answer.header("Link");
            url = null;
            if (link != null) {
                assertTrue(link.endsWith("; rel=\"next\""), link);
                java.net.URI next = java.net.URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
                url = next.getRawPath() + "?" + next.getRawQuery();
            }
            pages++;
        }
        assertEquals(ids(whole, part, doubtful), seen, "every fact once, in order");
        assertEquals(2, pages);
        ofThisReport().queryParam("limit", 3).get("/facts").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.nullValue());
        for (String bad : List.of("0", "10001", "many")) {
            ofThisReport().queryParam("limit", bad).get("/facts").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        ofThisReport().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/facts").then().statusCode(400);
    }

    @Test
    void anExportStreamsEveryMatchingFactAsJsonLinesOrCsvAcrossItsBatches() {
        // More than two export batches (FactResource.EXPORT_PAGE), the last one partial.
        int count = 2 * FactResource.EXPORT_PAGE + 1;
        List<Fact> many = new java.util.ArrayList<>();
        for (int i = 3; i < 3 + count - 3; i++) {
            many.add(fact(i, "high", "[]"));
        }
        QuarkusTransaction.requiringNew().run(() -> many.forEach(f -> f.persist()));

        String lines = ofThisReport().accept("application/x-ndjson").get("/facts/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/x-ndjson")).extract().asString();
        List<String> exported = lines.lines().map(line -> io.restassured.path.json.JsonPath.from(line).getString("id"))
                .toList();
        List<String> expected = new java.util.ArrayList<>(ids(whole, part, doubtful));
        many.forEach(f -> expected.add(f.id.toString()));
        assertEquals(expected, exported, "every fact once, in report order, one per line");

        String csv = ofThisReport().queryParam("minConfidence", "medium").accept("text/csv").get("/facts/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals(String.join(",", FactResource.CSV_COLUMNS), rows.get(0));
        assertEquals(1 + count - 1, rows.size(), "a header and every fact at least medium (the low one left out)");
        assertTrue(rows.get(1).startsWith(whole.id + "," + reportId + ",personnel_exchanged,837,people,"), rows.get(1));
        assertTrue(rows.get(1).contains(",Shanghai and Guangdong,,Yunnan,530000,high,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan."), rows.get(1));
    }

    @Test
    void anUnknownConfidenceIsAProblem() {
        for (String bad : List.of("certain", "HIGH", "'; drop table fact; --")) {
            ofThisReport().queryParam("minConfidence", bad).get("/facts").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-query"))
                    .body("invalidParams[0].name", equalTo("minConfidence"));
        }
    }

    @Test
    void aGroupIsFoundByItsNameOrByAMembersNameOrCode() {
        Object[] group = ids(whole, part).toArray();
        for (String donor : List.of("Shanghai and Guangdong", "shanghai AND guangdong", "Guangdong", "shanghai",
                "440000", "310000")) {
            ofThisReport().queryParam("donor", donor).get("/facts").then().statusCode(200)
                    .body("id", containsInAnyOrder(group));
        }
        ofThisReport().queryParam("donor", "Fujian").get("/facts").then().body("id", contains(ids(doubtful).toArray()));
        ofThisReport().queryParam("donor", "Guang").get("/facts").then().body("id", empty());
        ofThisReport().queryParam("donor", "Yunnan").get("/facts").then().body("id", empty());
        ofThisReport().queryParam("recipient", "530000").queryParam("donor", "Guangdong")
                .queryParam("minConfidence", "high").get("/facts").then().body("id", contains(ids(whole).toArray()));
    }

    @Test
    void aFactStoredBeforeV2ReadsAsHighWithNoReasons() {
        UUID old = UUID.randomUUID();
        // only the columns of V1, as the ledger wrote them before V2
        QuarkusTransaction.requiringNew().run(() -> Fact.getEntityManager().createNativeQuery("""
                insert into fact (id, report_id, ordinal, metric, value, unit, qualifier, basis, donor_name,
                    donor_level, recipient_name, recipient_code, recipient_level, evidence_sentence, evidence_start,
                    evidence_end, extractor_version)
                values (:id, :reportId, 0, 'agreements', 5, 'agreements', 'exact', 'period',
                    'seven cities in East China', 'group', 'Yunnan', '530000', 'province', 'Five agreements.', 0, 16,
                    'old')""").setParameter("id", old).setParameter("reportId", reportId).executeUpdate());
        String stored = "find { it.id == '" + old + "' }";
        ofThisReport().get("/facts").then().statusCode(200)
                .body(stored + ".confidence", equalTo("high"))
                .body(stored + ".reasons", empty())
                .body(stored + ".partOf", nullValue())
                .body(stored + ".donor.members", empty())
                .body(stored + ".donor.membersInferred", equalTo(false))
                .body(stored + ".evidence.figureStart", nullValue());
        ofThisReport().queryParam("minConfidence", "high").get("/facts").then().body("id", hasItem(old.toString()));
    }

    @Test
    void theNewFieldsAreAnswered() {
        String part = "find { it.id == '" + this.part.id + "' }";
        String doubtful = "find { it.id == '" + this.doubtful.id + "' }";
        ofThisReport().get("/facts").then().statusCode(200)
                .body(part + ".partOf", equalTo(whole.id.toString()))
                .body(part + ".confidence", equalTo("medium"))
                .body(part + ".reasons", contains("party_from_context"))
                .body(part + ".donor.level", equalTo("group"))
                .body(part + ".donor.code", nullValue())
                .body(part + ".donor.members.name", contains("Shanghai", "Guangdong"))
                .body(part + ".donor.members.code", contains("310000", "440000"))
                .body(part + ".donor.membersInferred", equalTo(false))
                .body(part + ".evidence.figureStart", equalTo(36))
                .body(part + ".evidence.figureEnd", equalTo(46))
                .body(doubtful + ".partOf", nullValue())
                .body(doubtful + ".donor.containsKey('members')", equalTo(false))
                .body(doubtful + ".donor.containsKey('membersInferred')", equalTo(false));
    }
}
