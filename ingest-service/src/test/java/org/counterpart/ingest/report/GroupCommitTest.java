package org.counterpart.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stand-in store: items are written upper-cased; "too-large" fails whenever it is written. A transaction is
 * simulated: together commits its items only if every one is written.
 */
class GroupCommitTest {

    private final List<List<String>> transactions = new ArrayList<>();
    private final ExecutorService posters = Executors.newFixedThreadPool(8);

    private final GroupCommit.Writes<String, String> writes = new GroupCommit.Writes<>() {
        @Override
        public List<String> together(List<String> items) {
            List<String> written = items.stream().map(this::written).toList();
            transactions.add(items);
            return written;
        }

        @Override
        public String alone(String item) {
            String written = written(item);
            transactions.add(List.of(item));
            return written;
        }

        private String written(String item) {
            if (item.equals("too-large")) {
                throw new IllegalArgumentException(item + " cannot be stored");
            }
            return item.toUpperCase();
        }
    };

    @AfterEach
    void stopPosters() {
        posters.shutdownNow();
    }

    /** Posts every item from its own thread and waits until all of them are queued. */
    private List<Future<String>> post(GroupCommit<String, String> groups, String... items) throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        for (String item : items) {
            answers.add(posters.submit(() -> groups.submit(item)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (groups.waiting() < items.length) {
            assertTrue(System.nanoTime() < deadline, "the posts were queued");
            Thread.sleep(5);
        }
        return answers;
    }

    @Test
    void postsThatArriveTogetherShareOneTransactionAndEachGetsItsAnswer() throws Exception {
        GroupCommit<String, String> groups = new GroupCommit<>(writes, 32);
        List<Future<String>> answers = post(groups, "a", "b", "c", "d");
        assertEquals(4, groups.writeNext(Duration.ofSeconds(1)));
        assertEquals(1, transactions.size());
        assertEquals(4, transactions.get(0).size());
        List<String> got = new ArrayList<>();
        for (Future<String> answer : answers) {
            got.add(answer.get());
        }
        got.sort(null);
        assertEquals(List.of("A", "B", "C", "D"), got);
    }

    @Test
    void aGroupIsBoundedAndTheRestWaitForTheNextTurn() throws Exception {
        GroupCommit<String, String> groups = new GroupCommit<>(writes, 3);
        post(groups, "a", "b", "c", "d", "e");
        assertEquals(3, groups.writeNext(Duration.ofSeconds(1)));
        assertEquals(2, groups.writeNext(Duration.ofSeconds(1)));
        assertEquals(0, groups.writeNext(Duration.ofMillis(10)), "nothing left: the turn waits and writes none");
    }

    @Test
    void aPostThatFailsFailsAloneAndItsNeighboursAreWritten() throws Exception {
        GroupCommit<String, String> groups = new GroupCommit<>(writes, 32);
        List<Future<String>> answers = post(groups, "a", "too-large", "c");
        groups.writeNext(Duration.ofSeconds(1));
        assertEquals(List.of(List.of("a"), List.of("c")), transactions.stream().sorted(
                java.util.Comparator.comparing(Object::toString)).toList(), "the failed group left nothing; then each alone");
        int failures = 0;
        for (Future<String> answer : answers) {
            try {
                assertTrue(List.of("A", "C").contains(answer.get()));
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
                assertEquals("too-large cannot be stored", e.getCause().getMessage());
                failures++;
            }
        }
        assertEquals(1, failures);
    }

    @Test
    void aLonePostIsWrittenAloneAtOnce() throws Exception {
        GroupCommit<String, String> groups = new GroupCommit<>(writes, 32);
        List<Future<String>> answers = post(groups, "a");
        assertEquals(1, groups.writeNext(Duration.ofSeconds(1)));
        assertEquals("A", answers.get(0).get());
        assertEquals(List.of(List.of("a")), transactions);
    }

    @Test
    void closingFailsWhatIsStillWaitingAndRefusesNewPosts() throws Exception {
        GroupCommit<String, String> groups = new GroupCommit<>(writes, 32);
        List<Future<String>> answers = post(groups, "a");
        groups.close();
        ExecutionException waiting = assertThrows(ExecutionException.class, () -> answers.get(0).get());
        assertTrue(waiting.getCause() instanceof IllegalStateException, waiting.toString());
        assertThrows(IllegalStateException.class, () -> groups.submit("b"));
        assertEquals(List.of(), transactions);
    }

    @Test
    void aGroupOfNoneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<>(writes, 0));
    }
}
