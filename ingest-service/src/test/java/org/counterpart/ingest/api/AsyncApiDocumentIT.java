package org.counterpart.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.counterpart.contract.PublishedAsyncApi;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document as served stands alone, embeds the served report schema, and is saved to
 * target/asyncapi/ingest-service.yaml, where .ci/check-asyncapi.sh parses it with the official AsyncAPI parser.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AsyncApiDocumentIT {

    @Test
    void theServedDocumentIsSelfContainedAndEmbedsTheServedSchema() {
        PublishedAsyncApi published = PublishedAsyncApi.fetch()
                .assertSelfContained()
                .assertEmbeds("ReportEvent", "/schemas/report-event.schema.json");
        published.save(Path.of("target", "asyncapi", "ingest-service.yaml"));

        assertEquals("#/components/schemas/ReportEvent",
                published.document().at("/components/messages/ReportDeleted/payload/$ref").asText());
        // The test profile's public base URL (application.properties): what the events' ce_dataschema names.
        assertEquals("https://ingest.counterpart.test/schemas/report-event.schema.json", published.document()
                .at("/components/messages/ReportSubmitted/headers/properties/ce_dataschema/examples/0").asText());
        assertEquals("uri", published.document()
                .at("/components/messages/ReportSubmitted/headers/properties/ce_dataschema/format").asText());
    }
}
