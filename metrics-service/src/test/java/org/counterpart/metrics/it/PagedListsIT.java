package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.fact;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /totals and GET /pairs answer a page at a time: at most limit rows, and a Link rel=next while more follow;
 * following the links gives every row once, as the rows of one large page do. Refused limits and cursors are
 * invalid queries. Also: GET /projection says when the stored totals have caught up.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class PagedListsIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

    private static FactsTopic topic;

    @BeforeAll
    static void connect() {
        topic = new FactsTopic();
    }

    @AfterAll
    static void disconnect() {
        topic.close();
    }

    @Test
    void followingNextLinksGivesEveryRowOnceAndTheLastPageHasNoLink() {
        String donor = "Paged donor " + UUID.randomUUID().toString().substring(0, 8);
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String report = UUID.randomUUID().toString();
            reports.add(report);
            topic.publish(replaced(report, 1, List.of(fact(donor, "Paged recipient " + i, "funds_cny",
                    1_000_000L * (i + 1), "CNY", 2018), fact(donor, "Paged recipient " + i, "projects", i + 1, "projects", 2018))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(10, given().queryParam("donor", donor).when().get("/totals").then().statusCode(200)
                    .extract().jsonPath().getList("$").size());
            assertNotNull(given().when().get("/projection/reports/{id}", reports.get(4)).then().statusCode(200)
                    .extract().jsonPath().getString("totalsAt"));
        });

        List<String> keys = pagesOf("/totals?donor=" + enc(donor) + "&limit=3", 3, 4);
        assertEquals(10, keys.size());
        assertEquals(10, new HashSet<>(keys).size(), "no row twice: " + keys);

        List<String> pairs = pagesOf("/pairs?donor=" + enc(donor) + "&limit=2", 2, 3);
        assertEquals(5, pairs.size());
        assertEquals(5, new HashSet<>(pairs).size(), "no pair twice: " + pairs);
        // Largest funds first, page after page.
        assertEquals(List.of("4", "3", "2", "1", "0"), pairs.stream()
                .map(key -> key.substring(key.lastIndexOf("Paged recipient ") + "Paged recipient ".length()).substring(0, 1))
                .toList());

        Map<String, Object> state = given().when().get("/projection").then().statusCode(200).extract().jsonPath().getMap("$");
        assertTrue(((Number) state.get("reportCount")).intValue() >= 5, state.toString());
    }

    @Test
    void aLimitOutOfRangeOrACursorNotGivenOutIsAnInvalidQuery() {
        for (String path : new String[] {"/totals", "/pairs"}) {
            for (String limit : new String[] {"0", "10001", "ten", "-1"}) {
                given().queryParam("limit", limit).when().get(path).then().statusCode(400)
                        .body("title", org.hamcrest.Matchers.equalTo("Invalid query"))
                        .body("invalidParams.name", hasItems("limit"));
            }
            given().queryParam("cursor", "not-a-cursor").when().get(path).then().statusCode(400)
                    .body("invalidParams.name", hasItems("cursor"));
        }
    }

    @Test
    void aListForAClientThatAcceptsNoJsonIsNotAcceptable() {
        for (String path : new String[] {"/totals", "/pairs"}) {
            given().accept("image/png").when().get(path).then().statusCode(406)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
        given().accept("text/csv").when().get("/totals").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
    }

    /**
     * Follows next links from {@code first}; each page has at most {@code limit} rows, and there are {@code pages}.
     *
     * @return each row's key: metric, donor, recipient and unit (metric and unit null for pairs)
     */
    private static List<String> pagesOf(String first, int limit, int pages) {
        List<String> keys = new ArrayList<>();
        String next = first;
        int seen = 0;
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().response();
            List<Map<String, Object>> rows = page.jsonPath().getList("$");
            assertTrue(rows.size() <= limit, next + " gave " + rows.size());
            rows.forEach(row -> keys.add(row.get("metric") + "|" + row.get("donor") + "|" + row.get("unit") + "|"
                    + row.get("recipient")));
            String link = page.header("Link");
            next = null;
            if (link != null) {
                Matcher matcher = NEXT.matcher(link);
                assertTrue(matcher.find(), link);
                URI uri = URI.create(matcher.group(1));
                next = uri.getRawPath() + "?" + uri.getRawQuery();
                assertTrue(rows.size() == limit, "a page followed by another is full");
            }
            seen++;
        }
        assertEquals(pages, seen);
        return keys;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
