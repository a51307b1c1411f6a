package org.counterpart.metrics.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few announcements of the live stream, so that a client that reconnects with {@code Last-Event-ID} is
 * told what it missed, or told to reload everything when that cannot be known.
 * <p>
 * Ids are {@code <run>-<n>}: n counts this run's announcements from 1, and run is drawn anew at each start. An id of
 * another run (a restart, or another instance behind the same address) cannot be placed in this run's sequence, so
 * it is answered with a reset rather than with a guess. Only the last {@code capacity} announcements are kept; one
 * that may not be replayed (a rebuild, whose message holds every total) or a change that was not announced at all
 * (nobody listening for a while) also makes everything before it unresumable.
 *
 * @param <T> the message an announcement carries
 */
final class RecentChanges<T> {

    /** One announcement: its id, its SSE event name and its message. */
    record Announcement<T>(String id, String name, T data) {
    }

    /** What a client that last saw a given id gets. */
    sealed interface Missed<T> {
    }

    /** The announcements after the client's id, oldest first (possibly none). */
    record Replay<T>(List<Announcement<T>> announcements) implements Missed<T> {
    }

    /**
     * What the client missed cannot be told: reload everything. {@code newestId} is the id to resume from after the
     * reload; {@code reason} is {@code unknown-id} (not of this run, or not yet given) or {@code expired} (too old).
     */
    record Reset<T>(String newestId, String reason) implements Missed<T> {
    }

    private final String run;
    private final int capacity;
    private final Deque<Entry<T>> kept = new ArrayDeque<>();
    private long newest;
    /** The oldest n a client may resume after: everything after it is in {@link #kept}. */
    private long resumableAfter;

    private record Entry<T>(long n, Announcement<T> announcement) {
    }

    RecentChanges(String run, int capacity) {
        if (run.isEmpty() || run.contains("-")) {
            throw new IllegalArgumentException("A run is a non-empty word without '-': " + run);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.run = run;
        this.capacity = capacity;
    }

    /** Gives the next id to an announcement that a reconnecting client may be sent again. */
    synchronized Announcement<T> add(String name, T data) {
        Announcement<T> announcement = new Announcement<>(id(++newest), name, data);
        kept.addLast(new Entry<>(newest, announcement));
        if (kept.size() > capacity) {
            resumableAfter = kept.removeFirst().n();
        }
        return announcement;
    }

    /**
     * Gives the next id to an announcement that is not kept: a client that missed it must reload everything, and
     * one that saw it resumes after it.
     */
    synchronized Announcement<T> addUnreplayable(String name, T data) {
        Announcement<T> announcement = new Announcement<>(id(++newest), name, data);
        forgetUpTo(newest);
        return announcement;
    }

    /** A change was not announced: every client that last heard of an earlier one must reload. */
    synchronized void skip() {
        forgetUpTo(++newest);
    }

    private void forgetUpTo(long n) {
        kept.clear();
        resumableAfter = n;
    }

    synchronized String newestId() {
        return id(newest);
    }

    /** @param lastEventId the client's Last-Event-ID, as it sent it */
    synchronized Missed<T> after(String lastEventId) {
        long n = sequenceOf(lastEventId);
        if (n < 0 || n > newest) {
            return new Reset<>(newestId(), "unknown-id");
        }
        if (n < resumableAfter) {
            return new Reset<>(newestId(), "expired");
        }
        return new Replay<>(kept.stream().filter(entry -> entry.n() > n).map(Entry::announcement).toList());
    }

    /** The n of an id of this run, or -1. */
    private long sequenceOf(String id) {
        String prefix = run + "-";
        if (id == null || !id.startsWith(prefix)) {
            return -1;
        }
        String digits = id.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private String id(long n) {
        return run + "-" + n;
    }

    @Override
    public String toString() {
        return "RecentChanges[" + run + ", newest " + newest + ", kept " + kept.size() + "/" + capacity + "]";
    }
}
