package org.counterpart.metrics.inbound;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterpart.metrics.inbound.FactsEventRules.Breach;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.counterpart.metrics.inbound.FactsEventRules.CONTROL_CHARACTER;
import static org.counterpart.metrics.inbound.FactsEventRules.DATE_OUT_OF_RANGE;
import static org.counterpart.metrics.inbound.FactsEventRules.TEXT_TOO_LONG;
import static org.counterpart.metrics.inbound.FactsEventRules.TOO_MANY_ENTRIES;
import static org.counterpart.metrics.inbound.FactsEventRules.UNKNOWN_METRIC;
import static org.counterpart.metrics.inbound.FactsEventRules.VALUE_OUT_OF_BOUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each hostile value a producer could write next to a legitimate neighbour that must still pass, so that a bound
 * drawn too tight shows up as plainly as one drawn too loose.
 */
class FactsEventRulesTest {

    private static final String PASSES = null;

    private final FactsEventRules rules = new FactsEventRules(MetricBounds.standard());

    /** A legitimate event of one fact (sample values of our own), changed by each row in one place. */
    static final class Draft {
        String eventId = "ev-5c1e";
        String type = FactsEvent.REPLACED;
        String extractorVersion = "2.0.0";
        Instant occurredAt = Instant.parse("2026-03-02T08:00:00Z");
        int factCount = 1;
        String factId = "fact-1";
        String metric = "funds_cny";
        BigDecimal value = new BigDecimal("268000000");
        String unit = "CNY";
        LocalDate periodStart = LocalDate.of(2019, 1, 1);
        LocalDate periodEnd = LocalDate.of(2019, 12, 31);
        LocalDate asOf = null;
        String donorName = "Ningbo";
        String donorCode = "330200";
        String donorLevel = "prefecture";
        /** When set, the recipient is a group with these members. */
        List<String> memberNames = null;
        String memberCode = "520000";
        String sentence = "In 2019 Ningbo gave Qianxinan 268 million yuan for roads and schools.";
        List<String> reasons = List.of("party_from_context");
        String partOf = null;

        FactsEvent event() {
            List<FactMessage> facts = IntStream.range(0, factCount).mapToObj(this::fact).toList();
            return new FactsEvent(eventId, type, "rep-21", 4L, extractorVersion, occurredAt, facts);
        }

        private FactMessage fact(int i) {
            FactMessage.PartyMessage donor = new FactMessage.PartyMessage(donorName, donorCode, donorLevel, null, null);
            FactMessage.PartyMessage recipient = memberNames == null
                    ? new FactMessage.PartyMessage("Qianxinan", "522300", "prefecture", null, null)
                    : new FactMessage.PartyMessage("the western provinces", null, "group", memberNames.stream()
                    .map(name -> new FactMessage.PartyMessage(name, memberCode, "province", null, null)).toList(), true);
            return new FactMessage(i == 0 ? factId : factId + "-" + i, "rep-21", metric, value, unit, "exact",
                    "period", periodStart, periodEnd, asOf, donor, recipient,
                    new FactMessage.EvidenceMessage(sentence, 310, 310 + sentence.length(), 340, 355),
                    "2.0.0", "medium", reasons, partOf);
        }
    }

    private static Arguments row(String situation, Consumer<Draft> edit, String rule) {
        return Arguments.of(situation, edit, rule);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }

    static Stream<Arguments> hostileValuesAndTheirNeighbours() {
        return Stream.of(
                row("the draft as it is", d -> { }, PASSES),

                // metric: the vocabulary and nothing else
                row("a metric of the vocabulary besides the headline ones", d -> { d.metric = "villages_benefited"; d.value = number("37"); }, PASSES),
                row("a made-up metric with markup", d -> d.metric = "made_up_metric<script>", UNKNOWN_METRIC),
                row("a metric in capitals", d -> d.metric = "FUNDS_CNY", UNKNOWN_METRIC),
                row("a metric of 10,000 characters", d -> d.metric = "f".repeat(10_000), UNKNOWN_METRIC),

                // value: from 0 to the metric's bound, at most 4 decimals
                row("money at its bound, ten trillion yuan", d -> d.value = number("1e13"), PASSES),
                row("money a yuan above its bound", d -> d.value = number("10000000000001"), VALUE_OUT_OF_BOUNDS),
                row("money of 1e308 yuan", d -> d.value = number("1e308"), VALUE_OUT_OF_BOUNDS),
                row("a value of 1e1000000", d -> d.value = number("1e1000000"), VALUE_OUT_OF_BOUNDS),
                row("a value of 0", d -> d.value = BigDecimal.ZERO, PASSES),
                row("a negative value", d -> d.value = number("-5"), VALUE_OUT_OF_BOUNDS),
                row("a negative value just below 0", d -> d.value = number("-0.0001"), VALUE_OUT_OF_BOUNDS),
                row("four decimals", d -> d.value = number("19337.1234"), PASSES),
                row("five decimals", d -> d.value = number("19337.12345"), VALUE_OUT_OF_BOUNDS),
                row("trailing zeros beyond four decimals", d -> d.value = number("19337.10000000"), PASSES),
                row("a value too small for the database, 1e-1000000", d -> d.value = number("1e-1000000"), VALUE_OUT_OF_BOUNDS),
                row("people: China's population", d -> { d.metric = "workers_transferred"; d.value = number("1410000000"); d.unit = "people"; }, PASSES),
                row("people: two billion", d -> { d.metric = "people_lifted"; d.value = number("2e9"); d.unit = "people"; }, VALUE_OUT_OF_BOUNDS),
                row("people at the money bound", d -> { d.metric = "people_trained"; d.value = number("1e13"); d.unit = "people"; }, VALUE_OUT_OF_BOUNDS),
                row("projects: a million", d -> { d.metric = "projects"; d.value = number("1000000"); d.unit = "projects"; }, PASSES),
                row("projects: one more than a million", d -> { d.metric = "projects"; d.value = number("1000001"); d.unit = "projects"; }, VALUE_OUT_OF_BOUNDS),
                row("enterprises: ten million", d -> { d.metric = "enterprises_introduced"; d.value = number("1e7"); d.unit = "enterprises"; }, VALUE_OUT_OF_BOUNDS),
                row("villages: every administrative village", d -> { d.metric = "villages_benefited"; d.value = number("490000"); d.unit = "villages"; }, PASSES),
                row("villages: a hundred million", d -> { d.metric = "villages_benefited"; d.value = number("1e8"); d.unit = "villages"; }, VALUE_OUT_OF_BOUNDS),
                row("exchange visits, which the facts schema allows", d -> { d.metric = "exchange_visits"; d.value = number("24"); d.unit = "visits"; }, PASSES),
                row("exchange visits: ten million", d -> { d.metric = "exchange_visits"; d.value = number("1e7"); d.unit = "visits"; }, VALUE_OUT_OF_BOUNDS),

                // dates: a plausible calendar
                row("a period in the collaboration's first year", d -> d.periodStart = LocalDate.of(1996, 5, 1), PASSES),
                row("the earliest date there is", d -> d.periodStart = LocalDate.MIN, DATE_OUT_OF_RANGE),
                row("the last day of 1899", d -> d.periodStart = LocalDate.of(1899, 12, 31), DATE_OUT_OF_RANGE),
                row("the first day of 1900", d -> d.periodStart = LocalDate.of(1900, 1, 1), PASSES),
                row("a plan to the end of 2100", d -> d.periodEnd = LocalDate.of(2100, 12, 31), PASSES),
                row("a period ending in 2101", d -> d.periodEnd = LocalDate.of(2101, 1, 1), DATE_OUT_OF_RANGE),
                row("a running total as of the year 999999999", d -> d.asOf = LocalDate.MAX, DATE_OUT_OF_RANGE),
                row("an event that occurred on the last evening of 2100", d -> d.occurredAt = Instant.parse("2100-12-31T23:59:59Z"), PASSES),
                row("an event that occurred in the year 1000000000", d -> d.occurredAt = Instant.MAX, DATE_OUT_OF_RANGE),
                row("an event that occurred before 1900", d -> d.occurredAt = Instant.parse("1899-12-31T23:59:59Z"), DATE_OUT_OF_RANGE),

                // names and codes: bounded, nothing invisible
                row("a region name of 255 characters", d -> d.donorName = "N".repeat(255), PASSES),
                row("a region name of 256 characters", d -> d.donorName = "N".repeat(256), TEXT_TOO_LONG),
                row("a region name of 10,000 characters", d -> d.donorName = "Shenzhen".repeat(1250), TEXT_TOO_LONG),
                row("a Chinese region name", d -> d.donorName = "黔东南苗族侗族自治州", PASSES),
                row("a name with an apostrophe and a space", d -> d.donorName = "Qianxi'nan Bouyei", PASSES),
                row("a name with a no-break space and a soft hyphen", d -> d.donorName = "Qian\u00A0Xi\u00ADnan", PASSES),
                row("a name with a character beyond the basic plane", d -> d.donorName = "\uD840\uDC00 county", PASSES),
                row("a name with a NUL", d -> d.donorName = "Ningbo\u0000", CONTROL_CHARACTER),
                row("a name with a line break", d -> d.donorName = "Ningbo\nMayor", CONTROL_CHARACTER),
                row("a name with a tab", d -> d.donorName = "Ningbo\tcity", CONTROL_CHARACTER),
                row("a name turned round by a right-to-left override", d -> d.donorName = "\u202Eobgnin", CONTROL_CHARACTER),
                row("a name with half a surrogate pair", d -> d.donorName = "Ningbo\uD800", CONTROL_CHARACTER),
                row("a region code of 32 characters", d -> d.donorCode = "3".repeat(32), PASSES),
                row("a region code of 33 characters", d -> d.donorCode = "3".repeat(33), TEXT_TOO_LONG),
                row("a level of 17 characters", d -> d.donorLevel = "p".repeat(17), TEXT_TOO_LONG),
                row("group members of 255-character names", d -> d.memberNames = List.of("M".repeat(255), "Guizhou"), PASSES),
                row("a group member of 256 characters", d -> d.memberNames = List.of("M".repeat(256), "Guizhou"), TEXT_TOO_LONG),
                row("a group member with an escape character", d -> d.memberNames = List.of("Yunnan\u001B[31m", "Guizhou"), CONTROL_CHARACTER),
                row("a group member's code of 33 characters", d -> { d.memberNames = List.of("Yunnan"); d.memberCode = "5".repeat(33); }, TEXT_TOO_LONG),
                row("a group of 50 members", d -> d.memberNames = Collections.nCopies(50, "Guizhou"), PASSES),
                row("a group of 51 members", d -> d.memberNames = Collections.nCopies(51, "Guizhou"), TOO_MANY_ENTRIES),

                // evidence: a sentence, which may hold a line break or a tab, of bounded length
                row("evidence over two lines", d -> d.sentence = "Ningbo gave Qianxinan\n268 million yuan.", PASSES),
                row("evidence with a tab", d -> d.sentence = "Ningbo\t268 million yuan", PASSES),
                row("evidence with markup, which the dashboard shows as text", d -> d.sentence = "<b>268</b> million yuan", PASSES),
                row("evidence with a NUL", d -> d.sentence = "268 million\u0000 yuan", CONTROL_CHARACTER),
                row("evidence with a carriage return", d -> d.sentence = "268 million\r yuan", CONTROL_CHARACTER),
                row("evidence with a DEL", d -> d.sentence = "268 million\u007F yuan", CONTROL_CHARACTER),
                row("evidence with a C1 control", d -> d.sentence = "268 million\u0085 yuan", CONTROL_CHARACTER),
                row("evidence of 5,000 characters", d -> d.sentence = "e".repeat(5_000), PASSES),
                row("evidence of 5,001 characters", d -> d.sentence = "e".repeat(5_001), TEXT_TOO_LONG),

                // ids, versions, units, reasons: as long as the columns that keep them
                row("an event id of 100 characters", d -> d.eventId = "e".repeat(100), PASSES),
                row("an event id of 101 characters", d -> d.eventId = "e".repeat(101), TEXT_TOO_LONG),
                row("an event id with a bell", d -> d.eventId = "ev-5c1e\u0007", CONTROL_CHARACTER),
                row("a fact id of 101 characters", d -> d.factId = "f".repeat(101), TEXT_TOO_LONG),
                row("an event's extractor version of 32 characters", d -> d.extractorVersion = "2".repeat(32), PASSES),
                row("an event's extractor version of 33 characters", d -> d.extractorVersion = "2".repeat(33), TEXT_TOO_LONG),
                row("a unit of 33 characters", d -> d.unit = "u".repeat(33), TEXT_TOO_LONG),
                row("person-times as the unit", d -> { d.metric = "people_trained"; d.unit = "person-times"; d.value = number("5200"); }, PASSES),
                row("a reason of 64 characters", d -> d.reasons = List.of("r".repeat(64)), PASSES),
                row("a reason of 65 characters", d -> d.reasons = List.of("r".repeat(65)), TEXT_TOO_LONG),
                row("20 reasons", d -> d.reasons = Collections.nCopies(20, "weak_cue"), PASSES),
                row("21 reasons", d -> d.reasons = Collections.nCopies(21, "weak_cue"), TOO_MANY_ENTRIES),
                row("a partOf of 101 characters", d -> d.partOf = "p".repeat(101), TEXT_TOO_LONG),

                // facts per event
                row("2,000 facts", d -> d.factCount = 2_000, PASSES),
                row("2,001 facts", d -> d.factCount = 2_001, TOO_MANY_ENTRIES),
                row("a retraction carrying 2,001 facts, none of which become current",
                        d -> { d.type = FactsEvent.RETRACTED; d.factCount = 2_001; }, PASSES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValuesAndTheirNeighbours")
    void eachHostileValueIsRefusedAndItsNeighbourPasses(String situation, Consumer<Draft> edit, String rule) {
        Draft draft = new Draft();
        edit.accept(draft);

        List<Breach> breaches = rules.check(draft.event());

        if (rule == PASSES) {
            assertEquals(List.of(), breaches, situation);
        } else {
            assertEquals(List.of(rule), breaches.stream().map(Breach::rule).distinct().toList(), breaches.toString());
        }
    }

    @Test
    void aBreachNamesTheFieldAndShowsTheValueShortAndVisible() {
        Draft draft = new Draft();
        draft.metric = "made_up_metric<script>\u0000" + "x".repeat(100);

        List<Breach> breaches = rules.check(draft.event());

        String detail = breaches.get(breaches.size() - 1).detail();
        assertTrue(detail.startsWith("facts[0].metric made_up_metric<script>\\u0000xxx"), detail);
        assertTrue(detail.contains("…"), detail);
        assertTrue(detail.length() < 120, detail);
    }

    @Test
    void everyMetricOfTheVocabularyHasOneBoundWithItsReason() throws IOException {
        // The constructor refuses a table that misses a metric or names another: the shipped one must load.
        new FactsEventRules(MetricBounds.standard());
        MetricBounds missingOne = MetricBounds.read(new StringReader("funds_cny\t1e13\tmoney\n"));

        assertThrows(IllegalStateException.class, () -> new FactsEventRules(missingOne));
    }

    @Test
    void aBrokenTableOfBoundsIsRefusedRatherThanLettingValuesThrough() {
        assertThrows(IllegalArgumentException.class, () -> MetricBounds.read(new StringReader("funds_cny\t1e13\n")),
                "a bound without its reason");
        assertThrows(IllegalArgumentException.class, () -> MetricBounds.read(new StringReader("funds_cny\tlots\tmoney\n")));
        assertThrows(IllegalArgumentException.class, () -> MetricBounds.read(new StringReader("funds_cny\t-1\tmoney\n")));
        assertThrows(IllegalArgumentException.class,
                () -> MetricBounds.read(new StringReader("funds_cny\t1e13\tmoney\nfunds_cny\t1e12\tagain\n")));
    }
}
