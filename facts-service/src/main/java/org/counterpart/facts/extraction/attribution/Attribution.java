package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.Party;

/** Who gave and who received, as read from a sentence and its context. */
public record Attribution(Party donor, Party recipient) {}
