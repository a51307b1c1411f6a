package org.counterpart.facts.outbound;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.counterpart.contract.EventSchema;

/** The published contract of the facts topic, as subscribers read it: the schema file the service serves. */
public final class FactsEventSchema {

    private static final EventSchema SCHEMA = EventSchema.fromClassPath("META-INF/resources/schemas/facts-event.schema.json");

    private FactsEventSchema() {
    }

    /** The schema's complaints about a message, as readable lines; empty when it conforms. */
    public static List<String> problems(String message) {
        return SCHEMA.problems(message);
    }

    public static List<String> problems(JsonNode message) {
        return SCHEMA.problems(message);
    }
}
