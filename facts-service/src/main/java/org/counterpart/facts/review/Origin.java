package org.counterpart.facts.review;

/** Who put a fact there: an extractor, or an analyst who added a figure the machine missed. */
public enum Origin {
    MACHINE,
    ANALYST
}
