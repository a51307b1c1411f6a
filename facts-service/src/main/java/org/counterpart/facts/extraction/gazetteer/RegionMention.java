package org.counterpart.facts.extraction.gazetteer;

/** A region named in a sentence at [start, end) of the sentence text. */
public record RegionMention(Region region, int start, int end) {}
