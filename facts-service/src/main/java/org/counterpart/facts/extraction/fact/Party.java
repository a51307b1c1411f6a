package org.counterpart.facts.extraction.fact;

import java.util.List;

/**
 * A donor or recipient: a canonical region (English name, GB/T 2260 code, level) or a group that is never split
 * into its members (level "group", code null). A group's members are the regions named together ("Shanghai and
 * Guangdong") or, for a named group ("seven cities in East China"), taken from the pairing data when the report's
 * year makes them unambiguous ({@code membersInferred}); an empty list when neither says who they are.
 */
public record Party(String name, String code, String level, List<Party> members, boolean membersInferred) {
    public static final String PROVINCE = "province";
    public static final String PREFECTURE = "prefecture";
    public static final String COUNTY = "county";
    public static final String GROUP = "group";

    public Party {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A region. */
    public Party(String name, String code, String level) {
        this(name, code, level, List.of(), false);
    }

    public static Party group(String name, List<Party> members, boolean membersInferred) {
        return new Party(name, null, GROUP, members, membersInferred);
    }

    public boolean isGroup() {
        return GROUP.equals(level);
    }
}
