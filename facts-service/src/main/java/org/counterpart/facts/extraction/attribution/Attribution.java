package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.fact.Party;

import java.util.ArrayList;
import java.util.List;

/**
 * Who gave and who received, as read from a sentence and its context, with the reasons to doubt the reading
 * (e.g. {@code party_from_context} when the sentence itself names neither).
 */
public record Attribution(Party donor, Party recipient, List<String> reasons) {
    public static final String PARTY_FROM_CONTEXT = "party_from_context";
    public static final String PARTY_FROM_PAIRING_DATA = "party_from_pairing_data";
    public static final String GROUP_MEMBERS_INFERRED = "group_members_inferred";
    public static final String GROUP_MEMBERS_UNKNOWN = "group_members_unknown";

    public Attribution {
        reasons = List.copyOf(reasons);
    }

    public Attribution(Party donor, Party recipient) {
        this(donor, recipient, List.of());
    }

    Attribution because(String reason) {
        if (reasons.contains(reason)) return this;
        List<String> more = new ArrayList<>(reasons);
        more.add(reason);
        return new Attribution(donor, recipient, more);
    }
}
