package org.counterpart.facts.extraction.metric;

import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.KeyedPattern;

/**
 * Words or phrases near a figure that tell what the figure counts, e.g. "trained" or 援助资金, read from the
 * language's lexicon file for the metric ({@code metric/<code>.txt}, or {@code metric/<code>.weak.txt} for a weak
 * reading, taken only when nothing stronger is said).
 */
record Cue(KeyedPattern pattern, Metric metric, boolean weak) {
    static Cue of(String language, Metric metric) {
        return new Cue(Lexicon.pattern(language, "metric/" + metric.code()), metric, false);
    }

    static Cue weak(String language, Metric metric) {
        return new Cue(Lexicon.pattern(language, "metric/" + metric.code() + ".weak"), metric, true);
    }
}
