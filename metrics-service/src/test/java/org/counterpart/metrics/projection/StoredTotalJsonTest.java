package org.counterpart.metrics.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Origin;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.Party;
import org.counterpart.metrics.totals.Qualifier;
import org.counterpart.metrics.totals.Review;
import org.counterpart.metrics.totals.ReviewStatus;
import org.counterpart.metrics.totals.Source;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.TotalCalculator;
import org.junit.jupiter.api.Test;

/**
 * A stored total read back is equal to the one stored, without its claims and report ids (never stored in the row):
 * figures, scale of numbers, parties, reviews; and a pair, groups included, reads back equal.
 */
class StoredTotalJsonTest {

    @Test
    void aStoredTotalReadsBackEqual() {
        Party guangdong = new Party("Guangdong", "440000", "province");
        Party shanghai = new Party("Shanghai", "310000", "province");
        Party group = Party.group("上海、广东", List.of(shanghai, guangdong), true);
        Party shenzhen = new Party("Shenzhen", "440300", "prefecture");
        Party baise = new Party("Baise", "451000", "prefecture");
        Instant at = Instant.parse("2021-03-04T05:06:07.123Z");
        List<Claim> claims = List.of(
                new Claim(new Source("r1", "f1", "It gave 1.50 yuan.", at), new Pair(shenzhen, baise), "funds_cny", "CNY",
                        new BigDecimal("1.50"), Qualifier.APPROXIMATE, Basis.PERIOD, LocalDate.of(2017, 1, 1),
                        LocalDate.of(2017, 12, 31), null, Confidence.MEDIUM, List.of("party_from_context"), null,
                        Origin.ANALYST, new Review(ReviewStatus.CORRECTED, false, "wei", at)),
                new Claim(new Source("r2", "f1", null, null), new Pair(shenzhen, baise), "funds_cny", "CNY",
                        new BigDecimal("1.5E+3"), Qualifier.AT_LEAST, Basis.CUMULATIVE, null, null,
                        LocalDate.of(2018, 6, 30)),
                new Claim(new Source("r3", "f9", "plan", at), new Pair(group, new Party("Yunnan", "530000", "province")),
                        "funds_cny", "CNY", new BigDecimal("7"), Qualifier.EXACT, Basis.PLAN, null, null, null),
                new Claim(new Source("r3", "f8", "total", at), new Pair(group, new Party("Yunnan", "530000", "province")),
                        "funds_cny", "CNY", new BigDecimal("70"), Qualifier.EXACT, Basis.PERIOD, LocalDate.of(2017, 1, 1),
                        LocalDate.of(2017, 12, 31), null));
        List<StoredTotal> totals = StoredTotal.allOf(TotalCalculator.standard().totals(claims));
        for (StoredTotal total : totals) {
            assertEquals(total.withoutClaims(), StoredTotalJson.read(StoredTotalJson.body(total)));
            assertEquals(total.reportIds().size(), StoredTotalJson.read(StoredTotalJson.body(total)).reportCount());
            assertEquals(total.pair(), StoredTotalJson.readPair(StoredTotalJson.pair(total.pair())));
        }
    }
}
