package org.counterpart.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schema of an event (2020-12), the contract of a topic's message values, loaded from the file a service
 * serves. Formats (uuid, date, date-time, uri) are asserted, not only annotated: subscribers rely on them.
 */
public final class EventSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonSchema schema;

    private EventSchema(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** From a class-path resource, e.g. {@code META-INF/resources/schemas/facts-event.schema.json}. */
    public static EventSchema fromClassPath(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the schema document itself (as served over HTTP, say). */
    public static EventSchema parse(String name, String document) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return new EventSchema(name, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(document, config));
    }

    /** The schema's complaints about a message value, as readable lines; empty when it conforms. */
    public List<String> problems(String message) {
        try {
            return problems(JSON.readTree(message));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public List<String> problems(JsonNode message) {
        return schema.validate(message).stream().map(ValidationMessage::toString).sorted().toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
