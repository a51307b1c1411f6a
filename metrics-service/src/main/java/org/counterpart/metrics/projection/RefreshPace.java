package org.counterpart.metrics.projection;

/**
 * Keeps the refresher of the stored totals to a share of the time. A refresh costs about the same whether it works
 * off ten notes or ten thousand (it works out every tree they touch from the trees' claims), so refreshing back to
 * back on a busy machine spends a core on totals that are out of date again a moment later, and starves the
 * consumers that make the notes. After a refresh that took {@code d}, the next one waits
 * {@code d × (1 − share) / share}: with a share of one half, as long as the last one took. Cheap refreshes (a small
 * record, little going on) run as often as they are scheduled.
 */
final class RefreshPace {

    private final double share;
    private boolean ranBefore;
    private long notBefore;

    RefreshPace(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("The refresher's share of the time must be in (0, 1], not " + share);
        }
        this.share = share;
    }

    /** Whether a refresh may start at {@code now} (nanoseconds of {@link System#nanoTime}). */
    boolean due(long now) {
        return !ranBefore || now - notBefore >= 0;
    }

    /** Records a refresh that ran from {@code started} to {@code ended}. */
    void ran(long started, long ended) {
        long took = Math.max(0, ended - started);
        ranBefore = true;
        notBefore = ended + (long) (took * (1 - share) / share);
    }
}
