package org.counterpart.edge.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "/schemas/thing-event.schema.json",
             "title": "ThingEvent", "type": "object", "required": ["things"],
             "properties": {"things": {"type": "array", "items": {"$ref": "#/$defs/thing"}}},
             "$defs": {"thing": {"type": "object", "properties": {"part": {"$ref": "#/$defs/part", "description": "d"}},
                                 "if": {"required": ["a"]}, "then": {"required": ["b"]}},
                       "part": {"type": ["string", "null"], "maxLength": 9}}}
            """;

    private static final String TEMPLATE = """
            {"asyncapi": "3.0.0",
             "components": {"messages": {
                "A": {"payload": {"$ref": "/schemas/thing-event.schema.json"}},
                "B": {"payload": {"$ref": "/schemas/thing-event.schema.json"}},
                "C": {"headers": {"$ref": "#/components/messages/A/payload"}}}}}
            """;

    @Test
    void aServerPathReferenceBecomesOneCopyUnderComponentsWhoseOwnReferencesPointIntoIt() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(TEMPLATE);
        ObjectNode document = embedding(Map.of("/schemas/thing-event.schema.json", SCHEMA)).embed(template);

        JsonNode messages = document.at("/components/messages");
        assertEquals("#/components/schemas/ThingEvent", messages.at("/A/payload/$ref").asText());
        assertEquals("#/components/schemas/ThingEvent", messages.at("/B/payload/$ref").asText());
        assertEquals("#/components/messages/A/payload", messages.at("/C/headers/$ref").asText(), "internal: kept");

        JsonNode component = document.at("/components/schemas/ThingEvent");
        assertEquals(EmbeddedSchemas.SCHEMA_FORMAT, component.get("schemaFormat").asText());
        JsonNode copy = component.get("schema");
        assertEquals("#/components/schemas/ThingEvent/schema/$defs/thing", copy.at("/properties/things/items/$ref").asText());
        assertEquals("#/components/schemas/ThingEvent/schema/$defs/part",
                copy.at("/$defs/thing/properties/part/$ref").asText());
        // Each rewritten reference resolves inside the document.
        assertFalse(document.at("/components/schemas/ThingEvent/schema/$defs/part").isMissingNode());
        assertFalse(copy.has("$id"), "a path on the server would make the copy resolve against it");
        assertFalse(copy.has("$schema"));
        assertTrue(copy.get("$comment").asText().contains("https://things.example/schemas/thing-event.schema.json"));
        assertEquals("/schemas/thing-event.schema.json", template.at("/components/messages/A/payload/$ref").asText(),
                "the template is not changed");
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
            "{\"prefixItems\": [{\"type\": \"string\"}]}                 | prefixItems",
            "{\"items\": [{\"type\": \"string\"}]}                       | items as a list",
            "{\"unevaluatedProperties\": false}                          | unevaluatedProperties",
            "{\"dependentRequired\": {\"a\": [\"b\"]}}                   | dependentRequired",
            "{\"$anchor\": \"x\"}                                        | $anchor",
            "{\"properties\": {\"a\": {\"$dynamicRef\": \"#x\"}}}        | $dynamicRef",
            "{\"allOf\": [{\"$ref\": \"#/$defs/a\", \"required\": [\"b\"]}]} | required beside $ref",
            "{\"properties\": {\"a\": {\"$ref\": \"other.json#/x\"}}}    | leaves the schema file"})
    void aKeywordThatDraft07WouldReadDifferentlyIsRefused(String schema, String why) {
        EmbeddedSchemas embedding = embedding(Map.of("/schemas/x.json", schema));
        ObjectNode template = JSON.createObjectNode();
        template.putObject("payload").put("$ref", "/schemas/x.json");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> embedding.embed(template));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void aReferenceToAFileTheServiceDoesNotServeOrToAnotherHostIsRefused() {
        EmbeddedSchemas embedding = embedding(Map.of());
        ObjectNode missing = JSON.createObjectNode();
        missing.putObject("payload").put("$ref", "/schemas/none.json");
        assertThrows(IllegalStateException.class, () -> embedding.embed(missing));
        ObjectNode remote = JSON.createObjectNode();
        remote.putObject("payload").put("$ref", "https://elsewhere.example/x.json");
        assertThrows(IllegalStateException.class, () -> embedding.embed(remote));
    }

    private static EmbeddedSchemas embedding(Map<String, String> files) {
        return new EmbeddedSchemas(path -> {
            String text = files.get(path);
            try {
                return text == null ? null : JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }, path -> "https://things.example" + path);
    }
}
