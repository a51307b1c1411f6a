package org.counterpart.facts.extraction;

/** The sentence a fact was read from, with its character offsets [start, end) in the original report text. */
public record Evidence(String sentence, int start, int end) {}
