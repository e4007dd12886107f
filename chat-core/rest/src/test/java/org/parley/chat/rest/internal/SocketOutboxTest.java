package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox's promises: each connection's frames in order, those waiting together, and a close after them. */
class SocketOutboxTest {

    @Test
    void framesWaitingForAConnectionAreWrittenTogetherInOrder() throws Exception {
        try (SocketOutbox outbox = new SocketOutbox()) {
            CountDownLatch firstWriteStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<List<String>> writes = new CopyOnWriteArrayList<>();
            SocketOutbox.Connection connection = outbox.open(frames -> {
                writes.add(frames);
                firstWriteStarted.countDown();
                await(release);
            });
            connection.send("a");
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            // While the first write is under way, three more frames wait for it.
            connection.send("b");
            connection.send("c");
            connection.send("d");
            release.countDown();
            waitFor(() -> writes.size() == 2);
            assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), writes);
        }
    }

    @Test
    void anActionRunsAfterTheFramesQueuedBeforeItAndBeforeTheOthers() throws Exception {
        try (SocketOutbox outbox = new SocketOutbox()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            SocketOutbox.Connection connection = outbox.open(frames -> {
                await(release);
                seen.addAll(frames);
            });
            connection.send("error");
            connection.then(() -> seen.add("closed"));
            connection.send("late");
            release.countDown();
            waitFor(() -> seen.size() == 3);
            assertEquals(List.of("error", "closed", "late"), seen);
        }
    }

    @Test
    void aConnectionThatFailsDoesNotKeepFramesFromTheOthers() throws Exception {
        try (SocketOutbox outbox = new SocketOutbox()) {
            List<String> written = new CopyOnWriteArrayList<>();
            List<SocketOutbox.Connection> connections = new ArrayList<>();
            for (int i = 0; i < 2 * SocketOutbox.THREADS; i++) {
                String name = "c" + i;
                connections.add(outbox.open(frames -> {
                    if (name.equals("c0")) {
                        throw new IllegalStateException("closed under our feet");
                    }
                    frames.forEach(frame -> written.add(name + ":" + frame));
                }));
            }
            for (int round = 0; round < 3; round++) {
                for (SocketOutbox.Connection connection : connections) {
                    connection.send("m" + round);
                }
            }
            int expected = 3 * (connections.size() - 1);
            waitFor(() -> written.size() == expected);
            for (int i = 1; i < connections.size(); i++) {
                String name = "c" + i;
                assertEquals(List.of(name + ":m0", name + ":m1", name + ":m2"),
                        written.stream().filter(frame -> frame.startsWith(name + ":")).toList());
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
