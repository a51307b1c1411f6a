package org.counterpart.facts.extraction.fact;

/**
 * The text a fact was read from, with its character offsets [start, end) in the original report text: the whole
 * sentence, or a bounded window around the figure when the sentence is very long. {@code figureStart} and
 * {@code figureEnd} locate the figure itself in the original text.
 */
public record Evidence(String sentence, int start, int end, int figureStart, int figureEnd) {}
