package org.counterpart.metrics.api;

import java.util.List;

import org.counterpart.metrics.totals.Party;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region a group consists of. */
@Schema(name = "Member", description = "A region that is a member of a group party")
public record MemberView(
        @Schema(example = "Shanghai") String name,
        @Schema(nullable = true, description = "GB/T 2260 code; null when not known", example = "310000") String code,
        @Schema(enumeration = {"province", "prefecture", "county"}) String level) {

    /** A group's members, in the report's order; null for a region, so that its rows do not carry the field. */
    static List<MemberView> of(Party party) {
        return party.isGroup() ? party.members().stream().map(m -> new MemberView(m.name(), m.code(), m.level())).toList() : null;
    }

    /** For a group, whether its members come from pairing data rather than from the text; null for a region. */
    static Boolean inferred(Party party) {
        return party.isGroup() ? party.membersInferred() : null;
    }
}
