package org.counterpart.facts.review;

/** What an analyst said about a fact. */
public enum ReviewAction {
    CONFIRM,
    CORRECT,
    REJECT
}
