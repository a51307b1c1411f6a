package org.counterpart.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every message a producer wrote, held to both contracts a subscriber relies on: CloudEvents 1.0 (read with the
 * SDK) and the JSON Schema named by each event's {@code dataschema}.
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * @param schemaAt the schema for a dataschema path (e.g. fetched from the service under test, which runs on a
     *                 test port rather than the public one)
     * @return one line per problem, naming the record; empty when every record conforms
     */
    public static List<String> problems(List<? extends ConsumerRecord<String, ?>> records,
                                        Function<String, EventSchema> schemaAt) {
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, ?> record : records) {
            String where = record.topic() + "@" + record.partition() + ":" + record.offset();
            CloudEventMessage message;
            try {
                message = CloudEventMessage.read(record);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            message.problems().forEach(p -> problems.add(where + ": " + p));
            String path = message.dataSchemaPath().orElse(null);
            if (path == null) {
                problems.add(where + ": no dataschema, so the payload cannot be checked");
                continue;
            }
            schemaAt.apply(path).problems(message.data()).forEach(p -> problems.add(where + " (" + path + "): " + p));
        }
        return problems;
    }
}
