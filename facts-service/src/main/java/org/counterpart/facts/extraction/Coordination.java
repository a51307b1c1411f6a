package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.quantity.Quantity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Figures listed side by side ("选派挂职干部86名、专业技术人才540人", "86 officials and 540 technicians",
 * 巫山县320万元，奉节县450万元) count the same kind of thing: a list item with no cue of its own takes the metric
 * of the item before it.
 */
final class Coordination {
    private static final Pattern LIST_GAP = Pattern.compile("^(?:[、和及与以及]|\\s*(?:,|and)\\s)[^，,；;。：:！？]{0,12}$");
    /** 巫山县320万元，奉节县450万元: a comma and a short name between figures of the same unit. */
    private static final Pattern NAMED_ITEM_GAP = Pattern.compile("^\\s*[,，]\\p{IsHan}{1,6}$");

    private Coordination() {}

    static boolean listed(String text, Quantity previous, Quantity q) {
        if (previous.kind() != q.kind()) return false;
        String gap = text.substring(previous.end(), q.start());
        if (LIST_GAP.matcher(gap).find()) return true;
        boolean sameUnit = previous.isMoney() ? previous.kind() == q.kind() : Objects.equals(previous.classifier(), q.classifier());
        return sameUnit && NAMED_ITEM_GAP.matcher(gap).find();
    }
}
