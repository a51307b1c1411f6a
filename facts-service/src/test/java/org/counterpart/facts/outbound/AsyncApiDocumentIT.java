package org.counterpart.facts.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.counterpart.contract.PublishedAsyncApi;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document as served stands alone, embeds the served facts schema (with its $defs), and is saved to
 * target/asyncapi/facts-service.yaml, where .ci/check-asyncapi.sh parses it with the official AsyncAPI parser.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class AsyncApiDocumentIT {

    @Test
    void theServedDocumentIsSelfContainedAndEmbedsTheServedSchema() {
        PublishedAsyncApi published = PublishedAsyncApi.fetch()
                .assertSelfContained()
                .assertEmbeds("FactsEvent", "/schemas/facts-event.schema.json");
        published.save(Path.of("target", "asyncapi", "facts-service.yaml"));

        assertEquals("#/components/schemas/FactsEvent/schema/$defs/fact", published.document()
                .at("/components/schemas/FactsEvent/schema/properties/facts/items/$ref").asText());
        assertEquals("https://facts.counterpart.test/schemas/facts-event.schema.json", published.document()
                .at("/components/messages/FactsOfReport/headers/properties/ce_dataschema/examples/0").asText());
    }
}
