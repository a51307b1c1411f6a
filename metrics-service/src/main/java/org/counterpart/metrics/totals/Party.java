package org.counterpart.metrics.totals;

import java.util.Locale;
import java.util.Objects;

/**
 * A donor or recipient: a canonical region (with its GB/T 2260 code) or a named group that is never split.
 *
 * @param name  canonical name as facts-service resolved it
 * @param code  administrative code, or null for a group
 * @param level province | prefecture | county | group, or null when unknown
 */
public record Party(String name, String code, String level) {

    public Party {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Who this party is, for grouping: the administrative code when there is one, because names vary in spelling
     * (Qianxi'nan, Qianxinan); otherwise the level and the case-folded name.
     */
    public String identity() {
        if (code != null && !code.isBlank()) {
            return "code:" + code.trim();
        }
        return "name:" + (level == null ? "" : level) + ":" + name.trim().toLowerCase(Locale.ROOT);
    }

    /** True when the text is this party's name or code, ignoring case; used by query filters. */
    public boolean isCalled(String nameOrCode) {
        String wanted = nameOrCode.trim();
        return name.trim().equalsIgnoreCase(wanted) || (code != null && code.trim().equalsIgnoreCase(wanted));
    }
}
