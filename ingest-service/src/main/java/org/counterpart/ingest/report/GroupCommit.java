package org.counterpart.ingest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes what arrives together in one transaction: callers hand in an item and wait; one writer takes the item at
 * the head of the queue and every item queued behind it (up to a bound), writes them all in one transaction, and
 * answers each caller. So concurrent posts share one commit, and a lone post is written at once, as before.
 *
 * <p>If the group's transaction fails, it has rolled back whole, and each item is written again in a transaction of
 * its own: a post that fails (too large an event, a lost race on the unique text) fails alone, with the exception it
 * would have had alone, and its neighbours are written.
 *
 * @param <S> what is written
 * @param <O> what writing it answers
 */
public final class GroupCommit<S, O> {

    /** How the items are written. */
    public interface Writes<S, O> {

        /** Writes every item in one transaction, in order; the answers in the same order. */
        List<O> together(List<S> items);

        /** Writes one item in a transaction of its own. */
        O alone(S item);
    }

    private record Pending<S, O>(S item, CompletableFuture<O> answer) {
    }

    private final Writes<S, O> writes;
    private final int largestGroup;
    private final BlockingQueue<Pending<S, O>> queue = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    public GroupCommit(Writes<S, O> writes, int largestGroup) {
        if (largestGroup < 1) {
            throw new IllegalArgumentException("A group holds at least one item, not " + largestGroup);
        }
        this.writes = writes;
        this.largestGroup = largestGroup;
    }

    /** Hands the item to the writer and waits for its answer; rethrows what writing it alone threw. */
    public O submit(S item) throws InterruptedException {
        Pending<S, O> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        if (!open && queue.remove(pending)) {
            throw new IllegalStateException("No longer taking writes: shutting down");
        }
        try {
            return pending.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The writer's turn: waits up to {@code wait} for an item, then writes it with the items queued behind it.
     *
     * @return how many items were written (or failed)
     */
    public int writeNext(Duration wait) throws InterruptedException {
        Pending<S, O> first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return 0;
        }
        List<Pending<S, O>> group = new ArrayList<>();
        group.add(first);
        queue.drainTo(group, largestGroup - 1);
        write(group);
        return group.size();
    }

    private void write(List<Pending<S, O>> group) {
        if (group.size() > 1) {
            List<O> answers = null;
            try {
                answers = writes.together(group.stream().map(Pending::item).toList());
            } catch (RuntimeException e) {
                // Rolled back whole: each is written alone below, and a culprit fails by itself.
            }
            if (answers != null) {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).answer().complete(answers.get(i));
                }
                return;
            }
        }
        for (Pending<S, O> pending : group) {
            try {
                pending.answer().complete(writes.alone(pending.item()));
            } catch (RuntimeException | Error e) {
                pending.answer().completeExceptionally(e);
            }
        }
    }

    /** How many items wait for the writer. */
    public int waiting() {
        return queue.size();
    }

    /** Takes no more items and fails those still waiting; the writer's turn in progress finishes. */
    public void close() {
        open = false;
        List<Pending<S, O>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.answer().completeExceptionally(
                new IllegalStateException("No longer taking writes: shutting down")));
    }
}
