package org.counterpart.facts.extraction.evaluation;

import java.util.List;

/**
 * A labelled party: a region (name, optional Chinese name, code, level) or a group that must never be split, with
 * its members (possibly none, when the text names the group only) and the other names it goes by.
 */
public record GoldParty(String name, String nameZh, String code, String level, boolean group,
                        List<GoldParty> members, List<String> aliases) {
    public GoldParty {
        members = members == null ? List.of() : List.copyOf(members);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    static GoldParty named(String name) {
        return new GoldParty(name, null, null, null, false, List.of(), List.of());
    }
}
