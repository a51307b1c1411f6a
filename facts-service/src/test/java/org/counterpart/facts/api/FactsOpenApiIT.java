package org.counterpart.facts.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.counterpart.contract.OpenApiRecorder;
import org.counterpart.contract.PublishedOpenApi;
import org.counterpart.infra.TopicWriter;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the facts document the service publishes, over facts extracted from a real report on
 * the reports topic, including the refusals it documents, and checks each real answer against the document as a
 * client's validator would (issue 13). It fails when the code answers something the document does not say, and
 * when the document names an operation no call here reaches: a new endpoint needs a call here.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class FactsOpenApiIT {

    /** Figures with and without a period, a group donor (no code), and one figure no extractor reads (the 27). */
    private static final String REPORT = "In 2019, Ningbo sent 260 million yuan of assistance funds to Enshi and "
            + "carried out 84 aid projects there. Since 2016, Shanghai and Guangdong have trained 1200 teachers from "
            + "Yunnan. Doctors from Ningbo held 27 clinics in Enshi villages.";

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        PublishedOpenApi api = PublishedOpenApi.servedAt(root.toURI());
        OpenApiRecorder recorder = new OpenApiRecorder(api);
        UUID reportId = postReport(recorder);
        String unknown = UUID.randomUUID().toString();

        // GET /facts: a page with a next link, every fact of the report, and refusals
        List<Map<String, Object>> facts = call(recorder).queryParam("reportId", reportId.toString()).get("/facts")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(facts.isEmpty(), "the report gave facts");
        call(recorder).queryParam("reportId", reportId.toString()).queryParam("limit", "1").get("/facts")
                .then().statusCode(200);
        call(recorder).queryParam("minConfidence", "low").queryParam("metric", "funds_cny").get("/facts")
                .then().statusCode(200);
        call(recorder).queryParam("metric", "goodwill").get("/facts").then().statusCode(400);
        call(recorder).queryParam("limit", "0").get("/facts").then().statusCode(400);
        call(recorder).queryParam("colour", "red").get("/facts").then().statusCode(400);
        call(recorder).accept("text/csv").get("/facts").then().statusCode(406);

        // GET /facts/export: JSON lines, CSV, a refusal
        call(recorder).queryParam("reportId", reportId.toString()).get("/facts/export").then().statusCode(200);
        call(recorder).queryParam("reportId", reportId.toString()).accept("text/csv").get("/facts/export")
                .then().statusCode(200);
        call(recorder).queryParam("minConfidence", "certain").get("/facts/export").then().statusCode(400);

        // The report with its facts
        call(recorder).get("/reports/" + reportId).then().statusCode(200);
        call(recorder).get("/reports/" + unknown).then().statusCode(404);

        // An analyst adds the figure the machine missed, twice (the second is a conflict), and a malformed one
        int start = REPORT.indexOf("27");
        String added = """
                {"figureStart":%d,"figureEnd":%d,"metric":"people_trained","value":27,"donor":"330200",
                 "recipient":"422800","periodStart":"2020-01-01","periodEnd":"2020-12-31","note":"clinics"}"""
                .formatted(start, start + 2);
        call(recorder).contentType(ContentType.JSON).body(added).post("/reports/" + reportId + "/facts")
                .then().statusCode(201);
        call(recorder).contentType(ContentType.JSON).body(added).post("/reports/" + reportId + "/facts")
                .then().statusCode(409);
        call(recorder).contentType(ContentType.JSON).body("{\"figureStart\":\"here\"}")
                .post("/reports/" + reportId + "/facts").then().statusCode(400);
        call(recorder).contentType(ContentType.JSON).body(added).post("/reports/" + unknown + "/facts")
                .then().statusCode(404);
        call(recorder).contentType(ContentType.TEXT).body("27 clinics").post("/reports/" + reportId + "/facts")
                .then().statusCode(415);

        // Review one fact, then read its history
        Object factId = facts.get(0).get("id");
        call(recorder).contentType(ContentType.JSON).body("{\"action\":\"confirm\",\"note\":\"read it again\"}")
                .post("/facts/" + factId + "/review").then().statusCode(200);
        call(recorder).contentType(ContentType.JSON).body("{\"action\":\"approve\"}")
                .post("/facts/" + factId + "/review").then().statusCode(400);
        call(recorder).contentType(ContentType.JSON).body("{\"action\":\"confirm\"}")
                .post("/facts/" + unknown + "/review").then().statusCode(404);
        call(recorder).contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site")
                .body("{\"action\":\"confirm\"}").post("/facts/" + factId + "/review").then().statusCode(403);
        call(recorder).get("/facts/" + factId + "/history").then().statusCode(200);
        call(recorder).get("/facts/" + unknown + "/history").then().statusCode(404);

        // The review queue and the reviews a rerun left without a fact
        call(recorder).queryParam("limit", "1").get("/review/queue").then().statusCode(200);
        call(recorder).get("/review/queue").then().statusCode(200);
        call(recorder).queryParam("cursor", "not-a-cursor").get("/review/queue").then().statusCode(400);
        call(recorder).get("/review/orphaned").then().statusCode(200);

        // Extractions: status, a rerun of one report, a rerun of every report made by another version
        call(recorder).get("/extractions/" + reportId).then().statusCode(200);
        call(recorder).get("/extractions/" + unknown).then().statusCode(404);
        call(recorder).post("/extractions/" + reportId + "/rerun").then().statusCode(202);
        call(recorder).post("/extractions/" + unknown + "/rerun").then().statusCode(404);
        call(recorder).post("/extractions/rerun").then().statusCode(200);
        call(recorder).queryParam("all", "maybe").post("/extractions/rerun").then().statusCode(400);

        // The outbox, as an operator sees it
        call(recorder).get("/admin/outbox").then().statusCode(200);
        call(recorder).post("/admin/outbox/parked/" + UUID.randomUUID() + "/retry").then().statusCode(404);

        System.out.println("FactsOpenApiIT: " + api.coverage()
                + "\n  documented statuses not answered here: " + api.unexercisedStatuses().size());
        // RolesIT's own resource is compiled into every test run of this module; the service has no such path
        Set<String> notTheService = Set.of("GET /roles-it/whoami");
        api.assertTruthful(notTheService);
        assertEquals(notTheService, api.unexercised());
    }

    private static UUID postReport(OpenApiRecorder recorder) throws InterruptedException {
        UUID reportId = UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"ReportSubmitted","reportId":"%s","occurredAt":"2021-03-02T00:00:00Z",
                 "text":"%s","language":"en","receivedAt":"2021-03-02T00:00:00Z","contentHash":"openapi-%s"}"""
                .formatted(UUID.randomUUID(), reportId, REPORT, reportId);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicWriter.write(bootstrap, "reports", reportId.toString(), event, Map.of("ce_specversion", "1.0"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            // the 404s while the report is on its way are answers too, and checked
            if (call(recorder).get("/extractions/" + reportId).statusCode() == 200) {
                return reportId;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("report " + reportId + " was not extracted in time");
    }

    private static RequestSpecification call(OpenApiRecorder recorder) {
        return given().filter(recorder);
    }
}
