package org.counterpart.metrics.totals;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A donor or recipient: a canonical region (with its GB/T 2260 code) or a group that is never split.
 *
 * @param name            canonical name as facts-service resolved it
 * @param code            administrative code, or null for a group
 * @param level           province | prefecture | county | group, or null when unknown
 * @param members         for a group, the regions it consists of ("Shanghai and Guangdong"); empty when the text
 *                        named a group only ("the eastern provinces"), and for a region
 * @param membersInferred true when the members come from pairing data rather than from the text
 */
public record Party(String name, String code, String level, List<Party> members, boolean membersInferred) {

    public static final String GROUP = "group";

    public Party {
        Objects.requireNonNull(name, "name");
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A region, or a group whose members nobody knows. */
    public Party(String name, String code, String level) {
        this(name, code, level, List.of(), false);
    }

    public static Party group(String name, List<Party> members, boolean membersInferred) {
        return new Party(name, null, GROUP, members, membersInferred);
    }

    public boolean isGroup() {
        return level != null && GROUP.equalsIgnoreCase(level.trim());
    }

    /**
     * Who this party is, for grouping: the administrative code when there is one, because names vary in spelling
     * (Qianxi'nan, Qianxinan); for a group with members, its member set, so that "Shanghai and Guangdong" and
     * "上海、广东" are one party; otherwise the level and the case-folded name.
     */
    public String identity() {
        if (isGroup() && !members.isEmpty()) {
            return "group:" + members.stream().map(Party::identity).distinct().sorted().collect(Collectors.joining("+"));
        }
        if (code != null && !code.isBlank()) {
            return "code:" + code.trim();
        }
        return "name:" + (level == null ? "" : level) + ":" + name.trim().toLowerCase(Locale.ROOT);
    }

    /** The regions whose work this party's figures include: itself, or a group's members (none when unknown). */
    public List<Party> regions() {
        return isGroup() ? members : List.of(this);
    }

    /**
     * True when every region of {@code other} is, or lies within, a region of this party: Guangdong covers
     * Shenzhen, the group {Shanghai, Guangdong} covers Guangdong and Shenzhen. A group whose members are unknown
     * covers only itself and is covered by nothing else.
     */
    public boolean covers(Party other) {
        if (identity().equals(other.identity())) {
            return true;
        }
        List<Party> outer = regions();
        List<Party> inner = other.regions();
        return !outer.isEmpty() && !inner.isEmpty()
                && inner.stream().allMatch(region -> outer.stream().anyMatch(o -> Regions.contains(o, region)));
    }

    /** True when the text is this party's name or code, ignoring case; used by query filters. */
    public boolean isCalled(String nameOrCode) {
        String wanted = nameOrCode.trim();
        return name.trim().equalsIgnoreCase(wanted) || (code != null && code.trim().equalsIgnoreCase(wanted));
    }
}
