package org.counterpart.metrics.access;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.counterpart.edge.access.ApiKeys;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** Rebuilding the projection is an admin's write: 401 without a valid key, 403 without the role; reads stay open. */
@QuarkusTest
@TestProfile(WriteAccessIT.KeysConfigured.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics_auth"))
class WriteAccessIT {

    static final String KEY = "metrics-key-0a7c44";
    static final String WRITER = "writer-key-6b19e3";
    static final String REVIEWER = "reviewer-key-c2d870";

    public static class KeysConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.auth.api-key-hashes", HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
                    "counterpart.auth.keys", "bot:writer:" + HexFormat.of().formatHex(ApiKeys.sha256(WRITER))
                            + ",lin:reviewer:" + HexFormat.of().formatHex(ApiKeys.sha256(REVIEWER)),
                    "counterpart.auth.open-writes", "false");
        }
    }

    @Test
    void rebuildNeedsAValidKeyAndReadsStayOpen() {
        given().post("/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").post("/admin/rebuild").then().statusCode(401);
        given().get("/totals").then().statusCode(200);
        // a rebuild is an operator's repair: neither a writer's nor a reviewer's key may start one
        for (String notAdmin : new String[] {WRITER, REVIEWER}) {
            given().header("Authorization", "Bearer " + notAdmin).post("/admin/rebuild").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/projection/reports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
