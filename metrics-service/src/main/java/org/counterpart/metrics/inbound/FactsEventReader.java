package org.counterpart.metrics.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.inbound.FactsEventRules.Breach;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Origin;
import org.counterpart.metrics.totals.Qualifier;
import org.counterpart.metrics.totals.ReviewStatus;

/**
 * Reads and checks one message of topic {@code facts}. Everything the projection relies on is checked here, so
 * that a message breaking the contract or the bounds ({@link FactsEventRules}) is dead-lettered with a readable
 * reason rather than failing half-way through a database write, or worse, being added to the totals.
 */
@ApplicationScoped
public class FactsEventReader {

    /** How many of an event's breaches a reason lists: a dead letter's header should stay small. */
    private static final int LISTED = 10;

    private final ObjectReader json;
    private final FactsEventRules rules;

    public FactsEventReader(ObjectMapper mapper) {
        // Whatever the application's mapper allows, a facts event is read strictly: 1.9 is no revision or offset
        // (it would silently become 1), NaN is no value, and a key given twice could be read one way here and
        // another way by a different subscriber.
        this.json = mapper.readerFor(FactsEvent.class)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .without(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        this.rules = new FactsEventRules(MetricBounds.standard());
    }

    /**
     * @param key   the Kafka record key: the report id (may be null if a producer forgot it)
     * @param value the JSON text
     * @throws MalformedEventException with the code of the first rule broken as its reason
     */
    public FactsEvent read(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Empty message (key " + FactsEventRules.shown(key)
                    + "): a retraction must be an event with no facts");
        }
        FactsEvent event;
        try {
            event = json.readValue(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a facts event: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("Not a facts event: JSON null");
        }
        List<Breach> breaches = contractBreaches(key, event);
        breaches.addAll(rules.check(event));
        if (!breaches.isEmpty()) {
            String reason = breaches.get(0).rule();
            throw new MalformedEventException(reason, "Facts event " + FactsEventRules.shown(event.eventId())
                    + " is refused (" + reason + "): " + listed(breaches));
        }
        return event;
    }

    private static String listed(List<Breach> breaches) {
        List<String> details = breaches.stream().limit(LISTED).map(Breach::detail).toList();
        String more = breaches.size() > LISTED ? "; and " + (breaches.size() - LISTED) + " more" : "";
        return String.join("; ", details) + more;
    }

    /** What must be there and how the parts fit together; how long or large anything may be is the rules'. */
    private static List<Breach> contractBreaches(String key, FactsEvent event) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "eventId", event.eventId());
        requireText(problems, "reportId", event.reportId());
        if (event.revision() == null) {
            problems.add("revision is missing");
        }
        if (!FactsEvent.REPLACED.equals(event.type()) && !FactsEvent.RETRACTED.equals(event.type())) {
            problems.add("type must be FactsReplaced or FactsRetracted, was " + FactsEventRules.shown(event.type()));
        }
        // The key decides the partition, and so the order in which one report's events arrive.
        if (key != null && event.reportId() != null && !key.equals(event.reportId())) {
            problems.add("record key " + FactsEventRules.shown(key) + " is not the reportId "
                    + FactsEventRules.shown(event.reportId()));
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
            requireText(problems, at + "id", fact.id());
            if (fact.id() != null && !factIds.add(fact.id())) {
                problems.add(at + "id " + FactsEventRules.shown(fact.id()) + " appears twice");
            }
            if (fact.reportId() != null && !fact.reportId().equals(event.reportId())) {
                problems.add(at + "reportId " + FactsEventRules.shown(fact.reportId()) + " is not the event's reportId");
            }
            requireText(problems, at + "metric", fact.metric());
            requireText(problems, at + "unit", fact.unit());
            if (fact.value() == null) {
                problems.add(at + "value is missing");
            }
            requireCode(problems, at + "qualifier", fact.qualifier(), Qualifier::fromCode);
            requireCode(problems, at + "basis", fact.basis(), Basis::fromCode);
            requireParty(problems, at + "donor", fact.donor());
            requireParty(problems, at + "recipient", fact.recipient());
            if (fact.confidence() != null) {
                requireCode(problems, at + "confidence", fact.confidence(), Confidence::fromCode);
            }
            if (fact.reasons() != null) {
                for (int r = 0; r < fact.reasons().size(); r++) {
                    requireText(problems, at + "reasons[" + r + "]", fact.reasons().get(r));
                }
            }
            if (fact.partOf() != null && fact.partOf().equals(fact.id())) {
                problems.add(at + "partOf names the fact itself");
            }
            if (fact.origin() != null) {
                requireCode(problems, at + "origin", fact.origin(), Origin::fromCode);
            }
            // Whether a fact counts depends on its status (a rejected one never does): a review without a status
            // we know could be a rejection read as anything else.
            if (fact.review() != null) {
                requireCode(problems, at + "review.status", fact.review().status(), ReviewStatus::fromCode);
            }
        }
        checkPartsFormNoCycle(problems, facts);
        return new ArrayList<>(problems.stream().map(problem -> new Breach(MalformedEventException.CONTRACT, problem)).toList());
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
                    problems.add("partOf leads round in a circle through fact " + FactsEventRules.shown(at));
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
        requireText(problems, field + ".name", party.name());
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
        // How many members a group may have is the rules' business; past that bound, their shape matters no more.
        for (int i = 0; i < Math.min(members.size(), FactsEventRules.MAX_MEMBERS); i++) {
            requireMember(problems, field + ".members[" + i + "]", members.get(i));
        }
    }

    /** A member is a region: named, at most a code and a level, never a group of its own. */
    private static void requireMember(List<String> problems, String field, FactMessage.PartyMessage member) {
        if (member == null) {
            problems.add(field + " is null");
            return;
        }
        requireText(problems, field + ".name", member.name());
        if (member.isGroup() || !member.membersOrNone().isEmpty()) {
            problems.add(field + " is a group; members must be regions");
        }
    }

    private static void requireCode(List<String> problems, String field, String code,
                                    java.util.function.Function<String, ?> parse) {
        try {
            parse.apply(code);
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + FactsEventRules.shown(e.getMessage()));
        }
    }

    private static void requireText(List<String> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is missing");
        }
    }
}
