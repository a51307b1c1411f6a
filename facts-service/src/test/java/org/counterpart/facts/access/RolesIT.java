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
    static final String ADMIN = "admin-key-70d2e9";

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    public static class NamedKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("counterpart.auth.keys",
                    "wu.fang:reviewer:" + hash(REVIEWER) + ",ingest-bot:writer:" + hash(WRITER)
                            + ",ops:admin:" + hash(ADMIN),
                    "counterpart.auth.api-key-hashes", hash(LEGACY),
                    "counterpart.auth.open-writes", "false");
        }
    }

    @Test
    void rerunningExtractionsIsAnAdminsJob() {
        for (String notAdmin : new String[] {REVIEWER, WRITER}) {
            given().header("Authorization", "Bearer " + notAdmin).post("/extractions/rerun")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("/problems/forbidden"))
                    .body("detail", containsString("'admin'"));
        }
        given().header("Authorization", "Bearer " + REVIEWER).post("/extractions/rerun")
                .then().body("detail", containsString("'wu.fang'"));
        given().header("Authorization", "Bearer " + ADMIN).post("/extractions/rerun").then().statusCode(200);
        given().header("Authorization", "Bearer " + LEGACY).post("/extractions/rerun").then().statusCode(200);
    }

    @Test
    void aReviewerMayReviewAndAddFactsButAWriterMayNot() {
        String review = "/facts/" + UUID.randomUUID() + "/review";
        String add = "/reports/" + UUID.randomUUID() + "/facts";
        // past the role check, the unknown fact and report answer 404
        given().header("Authorization", "Bearer " + REVIEWER).contentType("application/json")
                .body("{\"action\":\"confirm\"}").post(review).then().statusCode(404);
        given().header("Authorization", "Bearer " + REVIEWER).contentType("application/json")
                .body("{\"figureStart\":0,\"figureEnd\":3,\"metric\":\"projects\",\"value\":3,"
                        + "\"donor\":\"320500\",\"recipient\":\"520600\"}").post(add).then().statusCode(404);
        for (String path : new String[] {review, add}) {
            given().header("Authorization", "Bearer " + WRITER).contentType("application/json")
                    .body("{\"action\":\"confirm\"}").post(path).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"))
                    .body("detail", containsString("'reviewer'"));
            given().contentType("application/json").body("{\"action\":\"confirm\"}").post(path)
                    .then().statusCode(401).body("type", equalTo("/problems/unauthorized"));
        }
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

    /** A read that needs a role (no real read does yet), answering who asked. */
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
