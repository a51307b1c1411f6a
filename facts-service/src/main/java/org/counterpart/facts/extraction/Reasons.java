package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.Confidence;

import java.util.List;

/**
 * Why a fact is less than certain, as short codes, and the confidence they leave: none is high; one or two are
 * medium; three, or a group whose members nobody named, are low (such a fact has no pair's total to go to).
 */
public final class Reasons {
    public static final String METRIC_FROM_LIST = "metric_from_list";
    public static final String METRIC_FROM_TOTAL = "metric_from_total";
    public static final String METRIC_FROM_WEAK_CUE = "metric_from_weak_cue";
    public static final String PART_OF_TOTAL = "part_of_total";
    public static final String DISTRIBUTED_OVER_GROUP = "distributed_over_group";

    private Reasons() {}

    public static Confidence confidence(List<String> reasons) {
        if (reasons.contains(org.counterpart.facts.extraction.attribution.Attribution.GROUP_MEMBERS_UNKNOWN)) return Confidence.LOW;
        long doubts = reasons.stream().filter(r -> !r.equals(PART_OF_TOTAL)).count();
        if (doubts == 0) return Confidence.HIGH;
        return doubts <= 2 ? Confidence.MEDIUM : Confidence.LOW;
    }
}
