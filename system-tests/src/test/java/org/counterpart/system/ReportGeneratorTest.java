package org.counterpart.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ReportText;
import org.junit.jupiter.api.Test;

/** The oracle of the system tier is only as good as this: every generated report yields exactly its one fact. */
class ReportGeneratorTest {

    @Test
    void theExtractorFindsExactlyTheGeneratedFactInEveryReport() {
        Extractor extractor = Extractor.standard();
        List<String> wrong = new ArrayList<>();
        List<ReportGenerator.Report> all = ReportGenerator.all();
        for (ReportGenerator.Report report : all) {
            List<ExtractedFact> facts = extractor.extract(new ReportText(report.text(), null, "en", null));
            String problem = null;
            if (facts.size() != 1) {
                problem = facts.size() + " facts";
            } else {
                ExtractedFact f = facts.get(0);
                if (!f.metric().equals(report.metric())) problem = "metric " + f.metric();
                else if (f.value().compareTo(report.value()) != 0) problem = "value " + f.value();
                else if (!f.donor().name().equals(report.pair().donor())) problem = "donor " + f.donor().name();
                else if (!f.recipient().name().equals(report.pair().recipient())) problem = "recipient " + f.recipient().name();
                else if (!"period".equals(String.valueOf(f.basis()).toLowerCase())) problem = "basis " + f.basis();
                else if (!LocalDate.of(report.year(), 1, 1).equals(f.periodStart())
                        || !LocalDate.of(report.year(), 12, 31).equals(f.periodEnd())) {
                    problem = "period " + f.periodStart() + ".." + f.periodEnd();
                }
            }
            if (problem != null) wrong.add(report.text() + " -> " + problem + " " + facts);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + all.size() + " generated reports are not extracted as meant:\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
    }

    @Test
    void slotsAreDistinctAndPlenty() {
        ReportGenerator generator = new ReportGenerator(1);
        Set<String> texts = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (int i = 0; i < generator.capacity(); i++) {
            ReportGenerator.Report r = generator.next();
            texts.add(r.text());
            claims.add(r.key() + " " + r.year());
        }
        assertEquals(generator.capacity(), texts.size());
        assertEquals(generator.capacity(), claims.size());
        assertTrue(generator.capacity() >= 1000, "capacity " + generator.capacity());
    }
}
