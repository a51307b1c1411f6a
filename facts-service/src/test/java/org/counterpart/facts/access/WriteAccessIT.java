package org.counterpart.facts.access;

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

/** Re-extraction is a write: without a valid key it is refused with 401; reads stay open. */
@QuarkusTest
@TestProfile(WriteAccessIT.KeysConfigured.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts_auth"))
class WriteAccessIT {

    static final String KEY = "facts-key-51d2e9";

    public static class KeysConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.auth.api-key-hashes", HexFormat.of().formatHex(ApiKeys.sha256(KEY)),
                    "counterpart.auth.open-writes", "false");
        }
    }

    @Test
    void reextractionNeedsAValidKey() {
        String unknown = "/extractions/" + UUID.randomUUID() + "/rerun";
        given().post(unknown).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer nope").post("/extractions/rerun").then().statusCode(401);
        given().header("Authorization", "Bearer " + KEY).post(unknown).then().statusCode(404);
        given().header("Authorization", "Bearer " + KEY).post("/extractions/rerun").then().statusCode(200);
        given().get("/facts").then().statusCode(200);
    }
}
