package org.counterpart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReportGeneratorTest {

    @Test
    void reportsAreUniqueMixedAndVaried() {
        ReportGenerator generator = new ReportGenerator(7);
        Set<String> texts = new HashSet<>();
        int chinese = 0;
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (int i = 0; i < 500; i++) {
            ReportGenerator.Report report = generator.next();
            texts.add(report.text());
            chinese += report.language().equals("zh") ? 1 : 0;
            shortest = Math.min(shortest, report.text().length());
            longest = Math.max(longest, report.text().length());
            assertTrue(report.factSentences() >= 1 && report.factSentences() <= 3);
        }
        assertEquals(500, texts.size(), "no duplicates, or ingest would answer 200 instead of 202");
        assertTrue(chinese > 100 && chinese < 250, "about a third Chinese: " + chinese);
        assertTrue(longest > 3 * shortest, "lengths vary: " + shortest + ".." + longest);
    }
}
