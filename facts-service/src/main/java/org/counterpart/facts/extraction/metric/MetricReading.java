package org.counterpart.facts.extraction.metric;

/** What a figure counts, and whether only a weak cue said so (then a person should look first). */
public record MetricReading(Metric metric, boolean weak) {}
