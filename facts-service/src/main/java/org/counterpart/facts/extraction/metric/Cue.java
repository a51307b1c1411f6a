package org.counterpart.facts.extraction.metric;

import java.util.regex.Pattern;

/** A word or phrase near a figure that tells what the figure counts, e.g. "trained" or 援助资金. */
record Cue(Pattern pattern, Metric metric) {
    static Cue of(String regex, Metric metric) {
        return new Cue(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), metric);
    }
}
