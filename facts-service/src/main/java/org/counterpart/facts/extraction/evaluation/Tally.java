package org.counterpart.facts.extraction.evaluation;

import java.util.Locale;

/** True positives, false positives and false negatives, with precision, recall and F1. */
public final class Tally {
    int tp, fp, fn;

    public int truePositives() { return tp; }
    public int falsePositives() { return fp; }
    public int falseNegatives() { return fn; }

    public double precision() { return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp); }

    public double recall() { return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn); }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void add(Tally other) {
        tp += other.tp;
        fp += other.fp;
        fn += other.fn;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(), tp, fp, fn);
    }
}
