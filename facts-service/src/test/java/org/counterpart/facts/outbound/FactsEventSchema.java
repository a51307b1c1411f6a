package org.counterpart.facts.outbound;

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

/** The published contract of the facts topic, as subscribers read it: the schema file the service serves. */
public final class FactsEventSchema {

    private static final String RESOURCE = "META-INF/resources/schemas/facts-event.schema.json";
    private static final JsonSchema SCHEMA = load();

    private FactsEventSchema() {
    }

    /** The schema's complaints about a message, as readable lines; empty when it conforms. */
    public static List<String> problems(String message) {
        try {
            return problems(new ObjectMapper().readTree(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> problems(JsonNode message) {
        return SCHEMA.validate(message).stream().map(ValidationMessage::toString).sorted().toList();
    }

    private static JsonSchema load() {
        // formats (uuid, date, date-time) are only annotations in 2020-12 unless asked for; our subscribers rely on them
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = FactsEventSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
