package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/** The HTTP surface: refusals as problem documents, the dashboard page, OpenAPI, health and metrics. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class TotalsApiIT {

    @Test
    void anUnknownMetricIsA400ProblemNotA500() {
        given().queryParam("metric", "fund_cny")
                .when().get("/totals")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid query"))
                .body("instance", equalTo("/totals"))
                .body("invalidParams.name", hasItems("metric"));
    }

    @Test
    void aTooLongOrControlCharacterFilterIsA400() {
        given().queryParam("donor", "x".repeat(201)).queryParam("recipient", "Bi\u0007jie")
                .when().get("/totals")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("invalidParams.name", hasItems("donor", "recipient"));
    }

    @Test
    void aConfidenceOtherThanHighMediumOrLowIsA400OnEveryDataEndpoint() {
        for (String path : new String[] {"/totals", "/totals/grand", "/pairs", "/timeseries"}) {
            given().queryParam("metric", "funds_cny").queryParam("minConfidence", "certain")
                    .when().get(path)
                    .then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("invalidParams.name", hasItems("minConfidence"));
        }
    }

    @Test
    void aKnownMetricWithNoFactsIsAnEmptyList() {
        given().queryParam("metric", "villages_benefited").queryParam("donor", "")
                .when().get("/totals")
                .then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void theDashboardIsAnHtmlPageThatForbidsInlineScripts() {
        given().when().get("/dashboard")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("/dashboard/dashboard.js"));
        // Report text must never be parsed as markup by the page.
        given().when().get("/dashboard/dashboard.js")
                .then().statusCode(200)
                .body(containsString("textContent"))
                .body(not(containsString("innerHTML")))
                .body(not(containsString("outerHTML")))
                .body(not(containsString("insertAdjacentHTML")))
                .body(not(containsString("document.write")));
    }

    @Test
    void openApiDocumentsTotals() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Counterpart metrics-service"))
                .body("paths.'/totals'.get.parameters.name", hasItems("metric", "donor", "recipient", "minConfidence"))
                .body("paths.'/totals/grand'.get.parameters.name", hasItems("minConfidence"))
                .body("components.schemas.Claim.properties.confidence.enum", hasItems("high", "medium", "low"))
                .body("components.schemas.Total.properties.donorMembers", notNullValue())
                .body("paths.'/totals'.get.responses.'400'.content.'application/problem+json'", notNullValue())
                // Analyst review: how much of each figure was checked, and each claim's review and report view.
                .body("components.schemas.Total.properties.reviewedShare", notNullValue())
                .body("components.schemas.TotalDetail.properties.reviewedShare", notNullValue())
                .body("components.schemas.GrandTotal.properties.reviewedShare", notNullValue())
                .body("components.schemas.Pair.properties.reviewedShares", notNullValue())
                .body("components.schemas.Claim.properties.reviewUrl", notNullValue())
                .body("components.schemas.Review.properties.status.enum", hasItems("unreviewed", "confirmed", "corrected"));
    }

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void processedEventsAreCountedInPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("counterpart_facts_events_total{outcome=\"duplicate\"}"));
    }
}
