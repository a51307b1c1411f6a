package org.counterpart.facts.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/** The sandbox (open writes, no keys, as in the test profile) has one identity: {@code local}, with every role. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class LocalCallerIT {

    @Test
    void everyCallerIsLocalWithEveryRole() {
        given().get("/roles-it/whoami").then().statusCode(200).body(equalTo("local reviewer=true writer=true"));
        given().header("Authorization", "Bearer anything").get("/roles-it/whoami")
                .then().statusCode(200).body(equalTo("local reviewer=true writer=true"));
    }
}
