package org.counterpart.metrics.inbound;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.totals.MetricVocabulary;

/**
 * The bounds a facts event must keep before it may touch the projection: anyone who can write to the topic could
 * otherwise decide the totals (a value of 1e308 yuan, a made-up metric, a region name of a megabyte, a NUL that
 * the database refuses on every retry). Everything here looks at one event alone; the one rule that needs the
 * projection's state, how far a revision may jump, is {@code projection.RevisionStep}.
 *
 * <p>Pure on purpose (no framework types), so that every bound can be shown by a table of hostile values and
 * their legitimate neighbours. The text and count bounds follow facts-service's own schema and columns, with
 * room to spare where facts-service states none.
 */
public final class FactsEventRules {

    /** Why an event is refused: short fixed codes, named in dead letters and counted by a rebuild. */
    public static final String UNKNOWN_METRIC = "unknown_metric";
    public static final String VALUE_OUT_OF_BOUNDS = "value_out_of_bounds";
    public static final String DATE_OUT_OF_RANGE = "date_out_of_range";
    public static final String TEXT_TOO_LONG = "text_too_long";
    public static final String CONTROL_CHARACTER = "control_character";
    public static final String TOO_MANY_ENTRIES = "too_many_entries";

    /**
     * Facts per event. Real reports give a few dozen at most; a broker's default message size (1 MiB) holds no more
     * than a couple of thousand facts with their evidence anyway. Bounds the rows one event can write.
     */
    static final int MAX_FACTS = 2_000;
    /** A group's members: the largest pairing groups have a dozen or so regions. */
    static final int MAX_MEMBERS = 50;
    /** Confidence reasons of one fact: facts-service knows a handful. */
    static final int MAX_REASONS = 20;
    /**
     * Digits after the decimal point: facts-service keeps values as numeric(24,4). More cannot come from it, and
     * without a bound 1e-1000000 would reach the database, which keeps at most 16383 of them.
     */
    static final int MAX_FRACTION_DIGITS = 4;
    /**
     * Dates of periods and running totals, and when an event occurred. East-West collaboration began in 1996 and plans look a few decades
     * ahead; the range is far wider than that, yet keeps out years such as +999999999 that the date column cannot
     * hold.
     */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Lengths of text fields, in characters; ids, codes and names as facts-service's schema and tables have them. */
    static final int ID = 100;
    static final int NAME = 255;
    static final int CODE = 32;
    static final int LEVEL = 16;
    static final int UNIT = 32;
    static final int CODE_WORD = 16;
    static final int VERSION = 32;
    static final int REASON = 64;
    /** A reviewer is named by their API key's name, which service-edge keeps to 64 characters. */
    static final int REVIEWER = 64;
    /** facts-service cuts any sentence over 2,000 characters into clause-sized pieces; this leaves room for older ones. */
    static final int EVIDENCE = 5_000;

    /** How much of a hostile value a reason shows. */
    private static final int SHOWN = 40;

    /** One rule an event breaks: its code and what exactly is wrong, for a person reading the dead letter. */
    public record Breach(String rule, String detail) {
    }

    private final MetricBounds bounds;

    /** @throws IllegalStateException when the bounds do not name exactly the metrics of the vocabulary */
    public FactsEventRules(MetricBounds bounds) {
        if (!bounds.metrics().equals(new HashSet<>(MetricVocabulary.ALL))) {
            throw new IllegalStateException("The metric bounds must name every metric of the vocabulary and no "
                    + "other: " + bounds.metrics() + " vs " + MetricVocabulary.ALL);
        }
        this.bounds = bounds;
    }

    /**
     * Every rule the event breaks, in the order met; empty when it keeps them all. Missing fields are not looked
     * at here: whether a field must be there is the contract's business ({@link FactsEventReader}).
     */
    public List<Breach> check(FactsEvent event) {
        List<Breach> breaches = new ArrayList<>();
        text(breaches, "eventId", event.eventId(), ID);
        text(breaches, "reportId", event.reportId(), ID);
        text(breaches, "extractorVersion", event.extractorVersion(), VERSION);
        moment(breaches, "occurredAt", event.occurredAt());
        date(breaches, "publishedAt", event.publishedAt());
        List<FactMessage> facts = event.currentFacts();
        if (facts.size() > MAX_FACTS) {
            breaches.add(new Breach(TOO_MANY_ENTRIES, "facts has " + facts.size() + " entries, more than " + MAX_FACTS));
            return breaches;
        }
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) != null) {
                checkFact(breaches, "facts[" + i + "].", facts.get(i));
            }
        }
        return breaches;
    }

    private void checkFact(List<Breach> breaches, String at, FactMessage fact) {
        text(breaches, at + "id", fact.id(), ID);
        text(breaches, at + "reportId", fact.reportId(), ID);
        text(breaches, at + "unit", fact.unit(), UNIT);
        text(breaches, at + "qualifier", fact.qualifier(), CODE_WORD);
        text(breaches, at + "basis", fact.basis(), CODE_WORD);
        text(breaches, at + "confidence", fact.confidence(), CODE_WORD);
        text(breaches, at + "extractorVersion", fact.extractorVersion(), VERSION);
        text(breaches, at + "partOf", fact.partOf(), ID);
        // The vocabulary bounds a metric's length and characters too.
        if (fact.metric() != null && !MetricVocabulary.isKnown(fact.metric())) {
            breaches.add(new Breach(UNKNOWN_METRIC, at + "metric " + shown(fact.metric()) + " is not in the vocabulary"));
        } else if (fact.metric() != null && fact.value() != null) {
            value(breaches, at + "value", fact.metric(), fact.value());
        }
        date(breaches, at + "periodStart", fact.periodStart());
        date(breaches, at + "periodEnd", fact.periodEnd());
        date(breaches, at + "asOf", fact.asOf());
        party(breaches, at + "donor", fact.donor());
        party(breaches, at + "recipient", fact.recipient());
        if (fact.evidence() != null) {
            evidence(breaches, at + "evidence.sentence", fact.evidence().sentence());
        }
        text(breaches, at + "origin", fact.origin(), CODE_WORD);
        if (fact.review() != null) {
            text(breaches, at + "review.status", fact.review().status(), CODE_WORD);
            text(breaches, at + "review.by", fact.review().by(), REVIEWER);
            moment(breaches, at + "review.at", fact.review().at());
            // The note, like the machine's reading of a corrected fact (extracted), is never kept here: facts-service
            // shows them; bounding them would only refuse a report's facts for text this service ignores.
        }
        List<String> reasons = fact.reasons() == null ? List.of() : fact.reasons();
        if (reasons.size() > MAX_REASONS) {
            breaches.add(new Breach(TOO_MANY_ENTRIES, at + "reasons has more than " + MAX_REASONS + " entries"));
        } else {
            for (int i = 0; i < reasons.size(); i++) {
                text(breaches, at + "reasons[" + i + "]", reasons.get(i), REASON);
            }
        }
    }

    /** From 0 to the metric's bound, with no more decimals than facts-service keeps. */
    private void value(List<Breach> breaches, String field, String metric, BigDecimal value) {
        BigDecimal largest = bounds.largest(metric).orElseThrow();
        if (value.signum() < 0) {
            breaches.add(new Breach(VALUE_OUT_OF_BOUNDS, field + " " + shown(value) + " is below 0"));
        } else if (value.compareTo(largest) > 0) {
            breaches.add(new Breach(VALUE_OUT_OF_BOUNDS, field + " " + shown(value) + " is above "
                    + largest.toPlainString() + ", the largest " + metric + " a fact may state"));
        } else if (value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            breaches.add(new Breach(VALUE_OUT_OF_BOUNDS, field + " " + shown(value) + " has more than "
                    + MAX_FRACTION_DIGITS + " decimal places"));
        }
    }

    private static void date(List<Breach> breaches, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            breaches.add(new Breach(DATE_OUT_OF_RANGE, field + " " + shown(date) + " is not between " + EARLIEST
                    + " and " + LATEST));
        }
    }

    /** Kept with the report's revision: a year past 294276 would fail the insert on every retry. */
    private static void moment(List<Breach> breaches, String field, Instant moment) {
        if (moment != null && (moment.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !moment.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            breaches.add(new Breach(DATE_OUT_OF_RANGE, field + " " + shown(moment) + " is not between " + EARLIEST
                    + " and " + LATEST));
        }
    }

    private static void party(List<Breach> breaches, String field, FactMessage.PartyMessage party) {
        if (party == null) {
            return;
        }
        region(breaches, field, party);
        List<FactMessage.PartyMessage> members = party.membersOrNone();
        if (members.size() > MAX_MEMBERS) {
            breaches.add(new Breach(TOO_MANY_ENTRIES, field + ".members has more than " + MAX_MEMBERS + " entries"));
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) != null) {
                region(breaches, field + ".members[" + i + "]", members.get(i));
            }
        }
    }

    private static void region(List<Breach> breaches, String field, FactMessage.PartyMessage region) {
        text(breaches, field + ".name", region.name(), NAME);
        text(breaches, field + ".code", region.code(), CODE);
        text(breaches, field + ".level", region.level(), LEVEL);
    }

    /** A sentence of a report may run over lines or hold a tab; nothing else invisible belongs in it. */
    private static void evidence(List<Breach> breaches, String field, String sentence) {
        if (sentence == null) {
            return;
        }
        length(breaches, field, sentence, EVIDENCE);
        characters(breaches, field, sentence, "\n\t");
    }

    private static void text(List<Breach> breaches, String field, String text, int maxLength) {
        if (text == null) {
            return;
        }
        length(breaches, field, text, maxLength);
        characters(breaches, field, text, "");
    }

    private static void length(List<Breach> breaches, String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            breaches.add(new Breach(TEXT_TOO_LONG, field + " is longer than " + maxLength + " characters"));
        }
    }

    /**
     * No control characters (NUL, which PostgreSQL cannot store, escape, carriage return ...) other than those
     * allowed, no half of a surrogate pair, and no bidirectional overrides, which would make a name read
     * differently on the dashboard from what it is.
     */
    private static void characters(List<Breach> breaches, String field, String text, String allowed) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isHidden(c) && allowed.indexOf(c) < 0) {
                breaches.add(new Breach(CONTROL_CHARACTER, field + " holds " + String.format("U+%04X", c) + " at " + i));
                return;
            }
            i += Character.charCount(c);
        }
    }

    private static boolean isHidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A value as a reason shows it: short, with invisible characters written out, so that a dead letter's header
     * and the log stay readable whatever the producer wrote.
     */
    static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int count = 0; i < text.length() && count < SHOWN; count++) {
            int c = text.codePointAt(i);
            out.append(isHidden(c) || c == '\n' || c == '\t' ? String.format("\\u%04X", c) : Character.toString(c));
            i += Character.charCount(c);
        }
        return i < text.length() ? out.append('…').toString() : out.toString();
    }
}
