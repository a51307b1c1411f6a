package org.counterpart.facts.extraction.metric;

import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.regex.Pattern;

/** A word or phrase near a figure that tells what the figure counts, e.g. "trained" or 援助资金. */
record Cue(KeyedPattern pattern, Metric metric) {
    static Cue of(String regex, Metric metric) {
        return new Cue(KeyedPattern.compile(regex, Pattern.CASE_INSENSITIVE), metric);
    }
}
