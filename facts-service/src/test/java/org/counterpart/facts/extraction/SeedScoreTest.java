package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.evaluation.GoldReport;
import org.counterpart.facts.extraction.evaluation.GoldSet;
import org.counterpart.facts.extraction.evaluation.ReportScore;
import org.counterpart.facts.extraction.evaluation.ScoreCard;
import org.counterpart.facts.extraction.evaluation.Scorer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the extractor on the hand-labelled seed reports in ../shared (used here only, never by the extractor):
 * precision and recall at least 0.95, no forbidden figure, nothing from the two reports that hold no pairing fact.
 */
class SeedScoreTest {

    @Test
    void seedsScoreAtLeastNinetyFivePercent() throws IOException {
        Path shared = findShared();
        Assumptions.assumeTrue(shared != null, "../shared not found: seed score skipped");
        List<GoldReport> gold = GoldSet.read(shared.resolve("gold/seeds.json"));
        ScoreCard card = ScoreCard.of(new Scorer(Extractor.standard()), gold, shared.resolve("seeds"));
        card.print(System.out, true);

        List<String> failures = new ArrayList<>(card.forbidden());
        for (ReportScore r : card.reports()) {
            String file = r.report().file();
            if ((file.startsWith("000_") || file.startsWith("002_")) && !r.extracted().isEmpty()) {
                failures.add(file + " must yield no facts but gave " + r.extracted().size());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(card.overall().recall() >= 0.95, "recall " + card.overall());
        assertTrue(card.overall().precision() >= 0.95, "precision " + card.overall());
    }

    /** Walks up from the working directory to a folder with a sibling "shared" holding gold/seeds.json. */
    static Path findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isRegularFile(candidate.resolve("gold/seeds.json"))) return candidate;
        }
        return null;
    }
}
