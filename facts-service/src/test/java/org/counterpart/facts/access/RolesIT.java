package org.counterpart.facts.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.counterpart.edge.access.ApiKeys;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/**
 * Keys with names and roles, through the real filters: a key without the role a write needs gets a 403 problem
 * after routing, a missing key still a 401, and a key configured the old way may do everything.
 */
@QuarkusTest
@TestProfile(RolesIT.NamedKeys.class)
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts_roles"))
class RolesIT {

    static final String REVIEWER = "reviewer-key-3c81d7";
    static final String WRITER = "writer-key-9e04b2";
    static final String LEGACY = "legacy-key-55a1f0";

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    public static class NamedKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.auth.keys",
                    "wu.fang:reviewer:" + hash(REVIEWER) + ",ingest-bot:writer:" + hash(WRITER),
                    "counterpart.auth.api-key-hashes", hash(LEGACY),
                    "counterpart.auth.open-writes", "false");
        }
    }

    @Test
    void aWriteNeedsTheWriterRole() {
        given().header("Authorization", "Bearer " + REVIEWER).post("/extractions/rerun")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("detail", containsString("'wu.fang'"))
                .body("detail", containsString("'writer'"));
        given().header("Authorization", "Bearer " + WRITER).post("/extractions/rerun").then().statusCode(200);
        given().header("Authorization", "Bearer " + LEGACY).post("/extractions/rerun").then().statusCode(200);
    }

    @Test
    void noKeyIsStillA401BeforeRouting() {
        given().post("/extractions/rerun").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"));
        given().post("/no-such-path").then().statusCode(401);
    }

    @Test
    void retryingAParkedEventIsAnAdminsRepair() {
        String retry = "/admin/outbox/parked/" + UUID.randomUUID() + "/retry";
        given().header("Authorization", "Bearer " + WRITER).post(retry).then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        given().header("Authorization", "Bearer " + LEGACY).post(retry).then().statusCode(404);
    }

    /** Stands in for the review endpoints to come: a read that needs a role, answering who asked. */
    @Path("/roles-it/whoami")
    public static class WhoAmI {
        @GET
        @RequiresRole(Role.REVIEWER)
        public String whoami(@Context SecurityContext security) {
            return security.getUserPrincipal().getName() + " reviewer=" + security.isUserInRole("reviewer")
                    + " writer=" + security.isUserInRole("writer");
        }
    }

    @Test
    void aResourceReadsTheCallersNameAndRolesFromItsSecurityContext() {
        given().header("Authorization", "Bearer " + REVIEWER).get("/roles-it/whoami")
                .then().statusCode(200).body(equalTo("wu.fang reviewer=true writer=false"));
        given().header("Authorization", "Bearer " + LEGACY).get("/roles-it/whoami")
                .then().statusCode(200).body(equalTo("key-" + hash(LEGACY).substring(0, 8) + " reviewer=true writer=true"));
    }

    @Test
    void aReadThatNeedsARoleNeedsAKeyEvenWithReadsOpen() {
        given().get("/roles-it/whoami").then().statusCode(401).body("type", equalTo("/problems/unauthorized"));
        given().header("Authorization", "Bearer " + WRITER).get("/roles-it/whoami").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void readsStayOpen() {
        given().get("/facts").then().statusCode(200);
        given().get("/admin/outbox").then().statusCode(200);
    }
}
