package org.counterpart.ingest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.Arrays;
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
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the ingest document the service publishes, with real reports, including the refusals it
 * documents, and checks each real answer against the document as a client's validator would (issue 13). It fails
 * when the code answers something the document does not say, and when the document names an operation no call here
 * reaches: a new endpoint needs a call here.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IngestOpenApiIT {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        PublishedOpenApi api = PublishedOpenApi.servedAt(root.toURI());
        OpenApiRecorder recorder = new OpenApiRecorder(api);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // POST /reports: accepted (JSON, plain text, HTML), a duplicate, and each refusal the intake gives
        String text = "In 2020 (" + run + "), Ningbo sent 12 million yuan of aid funds to Enshi.";
        String id = call(recorder).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"title\":\"Ningbo and Enshi\",\"language\":\"en\","
                        + "\"sourceUrl\":\"https://example.org/ningbo\",\"publishedAt\":\"2020-07-01\"}")
                .post("/reports").then().statusCode(202).extract().path("id");
        call(recorder).contentType(ContentType.TEXT).body(text).post("/reports").then().statusCode(200);
        String bare = call(recorder).contentType(ContentType.TEXT)
                .body("In 2021 (" + run + "), Dalian trained 40 teachers from Liupanshui.")
                .post("/reports").then().statusCode(202).extract().path("id");
        call(recorder).contentType("text/html; charset=UTF-8")
                .body("<html><body><p>2019年(" + run + ")，杭州市向黔东南州投入帮扶资金3.2亿元。</p></body></html>")
                .post("/reports").then().statusCode(202);
        call(recorder).contentType(ContentType.JSON).body("{\"text\":\"  \"}").post("/reports").then().statusCode(400);
        call(recorder).contentType(ContentType.JSON).body("{\"text\": \"unterminated").post("/reports")
                .then().statusCode(400);
        call(recorder).contentType("application/xml").body("<report/>").post("/reports").then().statusCode(415);
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) 'a');
        call(recorder).contentType(ContentType.TEXT).body(big).post("/reports").then().statusCode(413);
        call(recorder).contentType(ContentType.TEXT).accept("text/csv").body("Anything at all, 3 projects.")
                .post("/reports").then().statusCode(406);
        call(recorder).contentType(ContentType.TEXT).header("Sec-Fetch-Site", "cross-site")
                .body("Posted from elsewhere, 5 projects.").post("/reports").then().statusCode(403);

        // GET /reports/{id}: a report with every field, one with the optional ones empty, and the refusals
        call(recorder).get("/reports/" + id).then().statusCode(200);
        call(recorder).get("/reports/" + bare).then().statusCode(200);
        call(recorder).get("/reports/" + UUID.randomUUID()).then().statusCode(404);
        call(recorder).get("/reports/not-a-uuid").then().statusCode(404);
        call(recorder).get("/reports/" + id + "?fields=title").then().statusCode(400);
        call(recorder).accept("text/csv").get("/reports/" + id).then().statusCode(406);
        call(recorder).get("/reports/" + "x".repeat(9000)).then().statusCode(414);
        call(recorder).header("X-Padding", "p".repeat(20_000)).get("/reports/" + id).then().statusCode(431);

        // DELETE /reports/{id}
        call(recorder).delete("/reports/" + bare).then().statusCode(204);
        call(recorder).delete("/reports/" + bare).then().statusCode(404);

        // The outbox, as an operator sees it
        call(recorder).get("/admin/outbox").then().statusCode(200);
        call(recorder).post("/admin/outbox/parked/" + UUID.randomUUID() + "/retry").then().statusCode(404);

        System.out.println("IngestOpenApiIT: " + api.coverage()
                + "\n  documented statuses not answered here: " + api.unexercisedStatuses().size());
        api.assertTruthful(Set.of());
        assertEquals(Set.of(), api.unexercised());
    }

    private static RequestSpecification call(OpenApiRecorder recorder) {
        return given().filter(recorder);
    }
}
