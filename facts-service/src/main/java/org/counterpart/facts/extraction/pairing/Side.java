package org.counterpart.facts.extraction.pairing;

/** Which side of East–West collaboration a region's province stands on. */
public enum Side { DONOR, RECIPIENT, UNKNOWN }
