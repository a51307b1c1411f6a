package org.counterpart.facts.extraction.evaluation;

import java.time.LocalDate;
import java.util.List;

/** One labelled report: its file, language, publication date, facts and the figures that must not be extracted. */
public record GoldReport(String file, String language, LocalDate published, List<GoldFact> facts,
                         List<String> mustNotExtract, boolean negativeControl) {
}
