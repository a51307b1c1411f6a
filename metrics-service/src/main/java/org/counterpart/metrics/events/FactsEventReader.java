package org.counterpart.metrics.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Qualifier;

/**
 * Reads and checks one message of topic {@code facts}. Everything the projection relies on is checked here, so
 * that a message breaking the contract is dead-lettered with a readable reason rather than failing half-way
 * through a database write.
 */
@ApplicationScoped
public class FactsEventReader {

    private final ObjectMapper mapper;

    public FactsEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param key   the Kafka record key: the report id (may be null if a producer forgot it)
     * @param value the JSON text
     */
    public FactsEvent read(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Empty message (key " + key + "): a retraction must be an event with no facts");
        }
        FactsEvent event;
        try {
            event = mapper.readValue(value, FactsEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a facts event: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("Not a facts event: JSON null");
        }
        List<String> problems = problems(key, event);
        if (!problems.isEmpty()) {
            throw new MalformedEventException("Facts event " + event.eventId() + " breaks the contract: "
                    + String.join("; ", problems));
        }
        return event;
    }

    private static List<String> problems(String key, FactsEvent event) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "eventId", event.eventId(), 100);
        requireText(problems, "reportId", event.reportId(), 100);
        if (event.revision() == null) {
            problems.add("revision is missing");
        }
        if (!FactsEvent.REPLACED.equals(event.type()) && !FactsEvent.RETRACTED.equals(event.type())) {
            problems.add("type must be FactsReplaced or FactsRetracted, was " + event.type());
        }
        // The key decides the partition, and so the order in which one report's events arrive.
        if (key != null && event.reportId() != null && !key.equals(event.reportId())) {
            problems.add("record key " + key + " is not the reportId " + event.reportId());
        }
        Set<String> factIds = new HashSet<>();
        List<FactMessage> facts = event.currentFacts();
        for (int i = 0; i < facts.size(); i++) {
            FactMessage fact = facts.get(i);
            String at = "facts[" + i + "].";
            if (fact == null) {
                problems.add("facts[" + i + "] is null");
                continue;
            }
            requireText(problems, at + "id", fact.id(), 100);
            if (fact.id() != null && !factIds.add(fact.id())) {
                problems.add(at + "id " + fact.id() + " appears twice");
            }
            if (fact.reportId() != null && !fact.reportId().equals(event.reportId())) {
                problems.add(at + "reportId " + fact.reportId() + " is not the event's reportId");
            }
            requireText(problems, at + "metric", fact.metric(), 64);
            requireText(problems, at + "unit", fact.unit(), 32);
            if (fact.value() == null) {
                problems.add(at + "value is missing");
            }
            requireCode(problems, at + "qualifier", fact.qualifier(), Qualifier::fromCode);
            requireCode(problems, at + "basis", fact.basis(), Basis::fromCode);
            requireParty(problems, at + "donor", fact.donor());
            requireParty(problems, at + "recipient", fact.recipient());
            optionalText(problems, at + "extractorVersion", fact.extractorVersion(), 32);
        }
        return problems;
    }

    private static void requireParty(List<String> problems, String field, FactMessage.PartyMessage party) {
        if (party == null) {
            problems.add(field + " is missing");
            return;
        }
        requireText(problems, field + ".name", party.name(), 10_000);
        optionalText(problems, field + ".code", party.code(), 32);
        optionalText(problems, field + ".level", party.level(), 16);
    }

    private static void requireCode(List<String> problems, String field, String code,
                                    java.util.function.Function<String, ?> parse) {
        try {
            parse.apply(code);
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
        }
    }

    private static void requireText(List<String> problems, String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is missing");
        } else {
            optionalText(problems, field, text, maxLength);
        }
    }

    private static void optionalText(List<String> problems, String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            problems.add(field + " is longer than " + maxLength + " characters");
        }
    }
}
