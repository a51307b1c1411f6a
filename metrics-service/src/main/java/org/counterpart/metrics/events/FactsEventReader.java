package org.counterpart.metrics.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Qualifier;

/**
 * Reads and checks one message of topic {@code facts}. Everything the projection relies on is checked here, so
 * that a message breaking the contract is dead-lettered with a readable reason rather than failing half-way
 * through a database write.
 */
@ApplicationScoped
public class FactsEventReader {

    /** Bounds on the fields of groups, parts and confidence, so that one event cannot blow up a row. */
    static final int MAX_MEMBERS = 50;
    static final int MAX_MEMBER_NAME = 255;
    static final int MAX_REASONS = 20;
    static final int MAX_REASON = 64;

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
            if (fact.confidence() != null) {
                requireCode(problems, at + "confidence", fact.confidence(), Confidence::fromCode);
            }
            checkReasons(problems, at + "reasons", fact.reasons());
            optionalText(problems, at + "partOf", fact.partOf(), 100);
            if (fact.partOf() != null && fact.partOf().equals(fact.id())) {
                problems.add(at + "partOf names the fact itself");
            }
        }
        checkPartsFormNoCycle(problems, facts);
        return problems;
    }

    private static void checkReasons(List<String> problems, String field, List<String> reasons) {
        if (reasons == null) {
            return;
        }
        if (reasons.size() > MAX_REASONS) {
            problems.add(field + " has more than " + MAX_REASONS + " entries");
            return;
        }
        for (int i = 0; i < reasons.size(); i++) {
            requireText(problems, field + "[" + i + "]", reasons.get(i), MAX_REASON);
        }
    }

    /**
     * A part of a part is fine; a ring of parts has no whole, and every fact in it would be set aside. (A partOf
     * naming no fact of the event is not refused: that part simply counts on its own.)
     */
    private static void checkPartsFormNoCycle(List<String> problems, List<FactMessage> facts) {
        Map<String, String> wholeOf = new HashMap<>();
        facts.stream().filter(fact -> fact != null && fact.id() != null && fact.partOf() != null)
                .forEach(fact -> wholeOf.putIfAbsent(fact.id(), fact.partOf()));
        Set<String> walked = new HashSet<>();
        for (String start : wholeOf.keySet()) {
            // Each fact is walked once: a walk stops at a fact walked before.
            Set<String> path = new HashSet<>();
            for (String at = start; at != null && !walked.contains(at); at = wholeOf.get(at)) {
                if (!path.add(at)) {
                    problems.add("partOf leads round in a circle through fact " + at);
                    break;
                }
            }
            walked.addAll(path);
        }
    }

    private static void requireParty(List<String> problems, String field, FactMessage.PartyMessage party) {
        if (party == null) {
            problems.add(field + " is missing");
            return;
        }
        requireText(problems, field + ".name", party.name(), 10_000);
        optionalText(problems, field + ".code", party.code(), 32);
        optionalText(problems, field + ".level", party.level(), 16);
        List<FactMessage.PartyMessage> members = party.membersOrNone();
        if (!party.isGroup()) {
            if (!members.isEmpty()) {
                problems.add(field + ".members given, but only a group has members");
            }
            return;
        }
        if (party.code() != null && !party.code().isBlank()) {
            problems.add(field + ".code given, but a group has none");
        }
        if (members.size() > MAX_MEMBERS) {
            problems.add(field + ".members has more than " + MAX_MEMBERS + " entries");
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            requireMember(problems, field + ".members[" + i + "]", members.get(i));
        }
    }

    /** A member is a region: named, at most a code and a level, never a group of its own. */
    private static void requireMember(List<String> problems, String field, FactMessage.PartyMessage member) {
        if (member == null) {
            problems.add(field + " is null");
            return;
        }
        requireText(problems, field + ".name", member.name(), MAX_MEMBER_NAME);
        optionalText(problems, field + ".code", member.code(), 32);
        optionalText(problems, field + ".level", member.level(), 16);
        if (member.isGroup() || !member.membersOrNone().isEmpty()) {
            problems.add(field + " is a group; members must be regions");
        }
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
