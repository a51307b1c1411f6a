package org.counterpart.metrics.totals;

import static org.counterpart.metrics.totals.Claims.BAISE;
import static org.counterpart.metrics.totals.Claims.DALIAN;
import static org.counterpart.metrics.totals.Claims.GUANGDONG;
import static org.counterpart.metrics.totals.Claims.LIUPANSHUI;
import static org.counterpart.metrics.totals.Claims.SHENZHEN;
import static org.counterpart.metrics.totals.Claims.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule 4 with groups, parts of a stated total and the confidence filter, one situation per row: the claims (all
 * personnel exchanged in 2019 unless a row says otherwise), then the totals of named pairs, the pair each rolls
 * up into ("top" for none), and the grand total over the top-level pairs. A pair is written "donor -> recipient"
 * by the names the totals show.
 */
class GroupRollUpTableTest {

    static final Party SHANGHAI = new Party("Shanghai", "310000", "province");
    static final Party YUNNAN = new Party("Yunnan", "530000", "province");
    static final Party KUNMING = new Party("Kunming", "530100", "prefecture");
    static final Party GUANGXI = new Party("Guangxi", "450000", "province");
    static final Party BIJIE = new Party("Bijie", "520500", "prefecture");
    static final Party QIANNAN = new Party("Qiannan", "522700", "prefecture");
    static final Party SHANGHAI_GUANGDONG = Party.group("Shanghai and Guangdong", List.of(SHANGHAI, GUANGDONG), false);
    /** The same members in another order and spelling: the same party. */
    static final Party SHANGHAI_GUANGDONG_ZH = Party.group("上海、广东", List.of(GUANGDONG, SHANGHAI), false);
    static final Party SHENZHEN_SHANGHAI = Party.group("Shenzhen and Shanghai", List.of(SHENZHEN, SHANGHAI), false);
    static final Party BIJIE_QIANNAN = Party.group("Bijie and Qiannan", List.of(BIJIE, QIANNAN), true);
    static final Party EASTERN_PROVINCES = Party.group("the eastern provinces", List.of(), false);

    private static final String PERSONNEL = "personnel_exchanged";

    record Row(String situation, List<Claim> claims, ClaimScope scope, Map<String, String> totals,
               Map<String, String> parents, String grandTotal) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("a group pair is the parent of its members' pairs and keeps its own claims when larger",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "900"), p(SHANGHAI, YUNNAN, "500"), p(GUANGDONG, YUNNAN, "300")),
                        totals("Shanghai and Guangdong -> Yunnan", "900", "Shanghai -> Yunnan", "500"),
                        parents("Shanghai -> Yunnan", "Shanghai and Guangdong -> Yunnan",
                                "Guangdong -> Yunnan", "Shanghai and Guangdong -> Yunnan",
                                "Shanghai and Guangdong -> Yunnan", "top"),
                        "900"),
                row("a group pair totals its member pairs when they add up to more",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "700"), p(SHANGHAI, YUNNAN, "500"), p(GUANGDONG, YUNNAN, "300")),
                        totals("Shanghai and Guangdong -> Yunnan", "800"),
                        parents(),
                        "800"),
                row("the grand total counts a group's work once beside other pairs",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "900"), p(SHANGHAI, YUNNAN, "500"), p(DALIAN, LIUPANSHUI, "80")),
                        totals("Shanghai and Guangdong -> Yunnan", "900", "Liaoning -> Guizhou", "80"),
                        parents("Dalian -> Liupanshui", "Liaoning -> Guizhou"),
                        "980"),
                row("a member province covers its cities' pairs through the region hierarchy",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "700"), p(SHANGHAI, YUNNAN, "500"), p(SHENZHEN, KUNMING, "300")),
                        totals("Shanghai and Guangdong -> Yunnan", "800", "Guangdong -> Yunnan", "300"),
                        parents("Shenzhen -> Kunming", "Guangdong -> Yunnan",
                                "Guangdong -> Yunnan", "Shanghai and Guangdong -> Yunnan"),
                        "800"),
                row("members at different levels: a city member takes its own pairs, not the province pair around them",
                        claims(p(SHENZHEN_SHANGHAI, YUNNAN, "100"), p(SHENZHEN, KUNMING, "60"), p(SHANGHAI, YUNNAN, "70")),
                        totals("Shenzhen and Shanghai -> Yunnan", "130"),
                        parents("Shenzhen -> Kunming", "Shenzhen and Shanghai -> Yunnan",
                                "Shanghai -> Yunnan", "Shenzhen and Shanghai -> Yunnan"),
                        "130"),
                row("a recipient-side group is the parent of the donor's pairs with each member, inside the province pair",
                        claims(p(SHENZHEN, BIJIE_QIANNAN, "400"), p(SHENZHEN, BIJIE, "250"), p(SHENZHEN, QIANNAN, "200")),
                        totals("Shenzhen -> Bijie and Qiannan", "450", "Guangdong -> Guizhou", "450"),
                        parents("Shenzhen -> Bijie", "Shenzhen -> Bijie and Qiannan",
                                "Shenzhen -> Qiannan", "Shenzhen -> Bijie and Qiannan",
                                "Shenzhen -> Bijie and Qiannan", "Guangdong -> Guizhou"),
                        "450"),
                row("two groups with the same members are one party: the same claim from two reports counts once",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "600").report("report-a"),
                                p(SHANGHAI_GUANGDONG_ZH, YUNNAN, "600").report("report-b")),
                        totals("Shanghai and Guangdong -> Yunnan", "600"),
                        parents(),
                        "600"),
                row("a group with no members is a top-level row with no children",
                        claims(p(EASTERN_PROVINCES, YUNNAN, "1000"), p(SHANGHAI, YUNNAN, "500"),
                                p(EASTERN_PROVINCES, KUNMING, "300")),
                        totals("the eastern provinces -> Yunnan", "1000", "the eastern provinces -> Kunming", "300"),
                        parents("the eastern provinces -> Yunnan", "top", "Shanghai -> Yunnan", "top",
                                "the eastern provinces -> Kunming", "top"),
                        "1800"),
                row("a group is no parent in a metric it states nothing about",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "900").metric("funds_cny", "CNY"), p(SHANGHAI, YUNNAN, "5")),
                        totals("Shanghai -> Yunnan", "5"),
                        parents("Shanghai -> Yunnan", "top"),
                        "5"),
                row("parts in member pairs of a group whole: the larger of whole and parts, never both",
                        claims(p(SHANGHAI_GUANGDONG, YUNNAN, "3040").report("r").fact("whole"),
                                p(SHANGHAI, YUNNAN, "1930").report("r").partOf("whole"),
                                p(GUANGDONG, YUNNAN, "1110").report("r").partOf("whole")),
                        totals("Shanghai and Guangdong -> Yunnan", "3040", "Shanghai -> Yunnan", "1930"),
                        parents("Shanghai -> Yunnan", "Shanghai and Guangdong -> Yunnan"),
                        "3040"),
                row("parts of a whole stated for a group of unknown members are shown but not counted",
                        claims(p(EASTERN_PROVINCES, YUNNAN, "3040").report("r").fact("whole"),
                                p(SHANGHAI, YUNNAN, "1930").report("r").partOf("whole"),
                                p(GUANGDONG, YUNNAN, "1110").report("r").partOf("whole")),
                        totals("the eastern provinces -> Yunnan", "3040", "Shanghai -> Yunnan", "0"),
                        parents("Shanghai -> Yunnan", "top"),
                        "3040"),
                row("a part beside its whole under one parent pair is not added to it there",
                        claims(p(SHENZHEN, GUANGXI, "3040").report("r").fact("whole"),
                                p(SHENZHEN, BAISE, "1930").report("r").partOf("whole")),
                        totals("Guangdong -> Guangxi", "3040", "Shenzhen -> Baise", "0"),
                        parents("Shenzhen -> Baise", "Guangdong -> Guangxi", "Shenzhen -> Guangxi", "Guangdong -> Guangxi"),
                        "3040"),
                row("a part whose whole is not among the claims counts on its own",
                        claims(p(SHENZHEN, BAISE, "1930").report("r").partOf("whole-of-another-revision")),
                        totals("Shenzhen -> Baise", "1930"),
                        parents(),
                        "1930"),
                row("by default high and medium facts count, low ones do not",
                        claims(p(SHANGHAI, YUNNAN, "500"), p(SHANGHAI, YUNNAN, "200").inYear(2018).confidence(Confidence.MEDIUM),
                                p(SHANGHAI, YUNNAN, "100").inYear(2017).confidence(Confidence.LOW, "party_from_context")),
                        totals("Shanghai -> Yunnan", "700"),
                        parents(),
                        "700"),
                row("minConfidence=low takes in every fact",
                        claims(p(SHANGHAI, YUNNAN, "500"), p(SHANGHAI, YUNNAN, "200").inYear(2018).confidence(Confidence.MEDIUM),
                                p(SHANGHAI, YUNNAN, "100").inYear(2017).confidence(Confidence.LOW, "party_from_context")),
                        Confidence.LOW,
                        totals("Shanghai -> Yunnan", "800"),
                        parents(),
                        "800"),
                row("minConfidence=high takes in high facts only",
                        claims(p(SHANGHAI, YUNNAN, "500"), p(SHANGHAI, YUNNAN, "200").inYear(2018).confidence(Confidence.MEDIUM),
                                p(SHANGHAI, YUNNAN, "100").inYear(2017).confidence(Confidence.LOW, "party_from_context")),
                        Confidence.HIGH,
                        totals("Shanghai -> Yunnan", "500"),
                        parents(),
                        "500"),
                row("a low-confidence whole left out by the filter: its part counts in its own pair",
                        claims(p(EASTERN_PROVINCES, YUNNAN, "3040").report("r").fact("whole").confidence(Confidence.LOW),
                                p(SHANGHAI, YUNNAN, "1930").report("r").partOf("whole")),
                        totals("Shanghai -> Yunnan", "1930"),
                        parents(),
                        "1930"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void totalsFollowTheRules(Row row) {
        List<Total> all = TotalCalculator.standard().totals(row.claims().stream().filter(row.scope()::includes).toList());
        List<Total> personnel = all.stream().filter(total -> total.metric().equals(PERSONNEL)).toList();

        row.totals().forEach((pair, total) -> assertEquals(new BigDecimal(total), totalOf(personnel, pair).total(),
                pair + " in " + describe(personnel)));
        row.parents().forEach((pair, parent) -> assertEquals(parent, parentOf(totalOf(personnel, pair)),
                "parent of " + pair + " in " + describe(personnel)));
        assertEquals(new BigDecimal(row.grandTotal()), RollUpSum.sum(RollUpSum.counted(personnel, total -> true)),
                "grand total of " + describe(personnel));
    }

    // --- the table's notation ---

    private static Row row(String situation, List<Claims> claims, Map<String, String> totals,
                           Map<String, String> parents, String grandTotal) {
        return row(situation, claims, Confidence.COUNTED_BY_DEFAULT, totals, parents, grandTotal);
    }

    private static Row row(String situation, List<Claims> claims, Confidence least, Map<String, String> totals,
                           Map<String, String> parents, String grandTotal) {
        return new Row(situation, claims.stream().map(Claims::build).toList(), new ClaimScope(YearRange.ALL, least),
                totals, parents, grandTotal);
    }

    /** Personnel exchanged in 2019, exact, high confidence. */
    private static Claims p(Party donor, Party recipient, String value) {
        return claim(value).pair(donor, recipient).metric(PERSONNEL, "people").inYear(2019);
    }

    private static List<Claims> claims(Claims... claims) {
        return Arrays.asList(claims);
    }

    private static Map<String, String> totals(String... pairsAndTotals) {
        return pairs(pairsAndTotals);
    }

    private static Map<String, String> parents(String... pairsAndParents) {
        return pairs(pairsAndParents);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String name(Pair pair) {
        return pair.donor().name() + " -> " + pair.recipient().name();
    }

    private static String parentOf(Total total) {
        return total.parent() == null ? "top" : name(total.parent());
    }

    private static Total totalOf(List<Total> totals, String pair) {
        List<Total> named = totals.stream().filter(total -> name(total.pair()).equals(pair)).toList();
        assertEquals(1, named.size(), "rows named " + pair + " in " + describe(totals));
        return named.get(0);
    }

    private static String describe(List<Total> totals) {
        return totals.stream().map(total -> name(total.pair()) + " = " + total.total() + " (in " + parentOf(total) + ")").toList().toString();
    }
}
