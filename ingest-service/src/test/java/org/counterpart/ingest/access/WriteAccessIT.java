package org.counterpart.ingest.access;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.counterpart.edge.access.ApiKeys;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.ingest.report.Report;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With keys configured, a write without a valid key is refused with 401 and writes nothing, and a reviewer's key
 * (valid, but without the writer role) may neither post nor delete a report (403).
 */
@QuarkusTest
@TestProfile(WriteAccessIT.KeysConfigured.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_auth"))
class WriteAccessIT {

    static final String KEY = "test-key-3c9f0e7d1a";
    static final String REVIEWER = "reviewer-key-81b4c2";

    public static class KeysConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.auth.api-key-hashes", HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
                    "counterpart.auth.keys", "li.na:reviewer:" + HexFormat.of().formatHex(ApiKeys.sha256(REVIEWER)),
                    "counterpart.auth.open-writes", "false");
        }
    }

    private static long reports() {
        return QuarkusTransaction.requiringNew().call(() -> Report.count());
    }

    @Test
    void writesNeedAValidKey() {
        long before = reports();
        String text = "In 2019, Yangzhou trained 40 nurses from Yulin.";
        for (String header : List.of("", "Bearer wrong-key", "Bearer " + KEY + "x", "Basic " + KEY)) {
            var request = given().contentType(ContentType.TEXT).body(text);
            if (!header.isEmpty()) {
                request.header("Authorization", header);
            }
            request.post("/reports").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"counterpart\""));
        }
        given().delete("/reports/00000000-0000-0000-0000-000000000001").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(before, reports(), "a refused write writes nothing");

        String id = given().header("Authorization", "Bearer " + KEY).contentType(ContentType.TEXT).body(text)
                .post("/reports").then().statusCode(202).extract().path("id");
        given().get("/reports/" + id).then().statusCode(200); // reads stay open by default
        given().delete("/reports/" + id).then().statusCode(401);
        // a reviewer checks facts; posting and deleting reports is a writer's
        given().header("Authorization", "Bearer " + REVIEWER).delete("/reports/" + id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        given().header("Authorization", "Bearer " + REVIEWER).contentType(ContentType.TEXT).body(text)
                .post("/reports").then().statusCode(403);
        given().get("/reports/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + KEY).delete("/reports/" + id).then().statusCode(204);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
