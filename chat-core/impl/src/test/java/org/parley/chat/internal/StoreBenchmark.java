package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.Agent;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Sender;
import org.parley.platform.database.DatabaseConnection;
import org.parley.platform.database.TestDatabase;

/**
 * A benchmark of the message store alone, not a test: the real {@link ChatConversations#post} and its writers on an
 * embedded file H2 database (as the launcher opens it), without HTTP or WebSockets. Visitors of N conversations, each
 * taken by one of 20 agents, send at an offered rate from 64 threads; it prints messages stored per second, the
 * process's CPU and allocation per message, the wait for the commit (p50, p99) and H2's own figures. Surefire's
 * default includes leave it out of the build; run it with
 * <pre>mvn -B -q -pl chat-core/impl -am test -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dparley.store.conversations=10000 -Dparley.store.rate=3000 -Dparley.store.seconds=30]</pre>
 * Results are in docs/performance.md.
 */
class StoreBenchmark {
    private static final int SENDERS = 64;
    private static final int AGENTS = 20;

    @Test
    void storeAlone() throws Exception {
        int conversations = Integer.getInteger("parley.store.conversations", 10_000);
        int rate = Integer.getInteger("parley.store.rate", 3_000);
        int seconds = Integer.getInteger("parley.store.seconds", 30);
        int warmup = Integer.getInteger("parley.store.warmup", 20);
        try (TestChat parley = new TestChat(
                TestDatabase.h2File(Files.createTempDirectory("parley-store-benchmark"), 10))) {
            ChatConversations chat = parley.conversations;
            List<Conversation> open = new ArrayList<>();
            List<Agent> agents = TestChat.agents("bench", AGENTS);
            for (int i = 0; i < conversations; i++) {
                Conversation conversation = parley.newConversation();
                open.add(parley.desk.take(conversation.id(), agents.get(i % AGENTS)));
            }
            System.out.printf("[store] %d conversations, each taken by one of %d agents; %d senders at %d messages/s"
                    + " for %d s after %d s warm-up%n", conversations, AGENTS, SENDERS, rate, seconds, warmup);
            run(chat, open, rate, warmup, null);
            Figures figures = new Figures();
            run(chat, open, rate, seconds, figures);
            figures.print(rate, seconds);
            System.out.println("[store] H2: " + h2Info(parley.db.connection()));
            parley.store.deactivate();
        }
    }

    /** Sends at the rate for the time, each message from its conversation's visitor with a fresh client id. */
    private static void run(ChatConversations chat, List<Conversation> open, int rate, int seconds, Figures figures)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Random random = new Random(seconds);
        long total = (long) rate * seconds;
        if (figures != null) {
            figures.start(total);
        }
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Conversation conversation = open.get(random.nextInt(open.size()));
            senders.execute(() -> {
                long sent = System.nanoTime();
                chat.post(conversation.id(), Sender.visitor(conversation.visitorId()), UUID.randomUUID().toString(),
                        "Hello, is the blue jacket in my basket available in size M?");
                if (figures != null) {
                    figures.stored(System.nanoTime() - sent);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        if (figures != null) {
            figures.stop();
            assertEquals(total, figures.count.get(), "every message stored");
        }
    }

    private static String h2Info(DatabaseConnection db) throws SQLException {
        StringBuilder info = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT setting_name, setting_value FROM information_schema.settings"
                        + " WHERE setting_name IN ('info.CACHE_MAX_SIZE', 'info.CACHE_HIT_RATIO', 'info.FILE_READ',"
                        + " 'info.FILE_WRITE_BYTES', 'info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
            while (rows.next()) {
                info.append(rows.getString(1).substring("info.".length())).append('=').append(rows.getString(2))
                        .append(' ');
            }
        }
        return info.toString().trim();
    }

    /** What one measured run stored, and what it cost the process. */
    private static final class Figures {
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final AtomicLong count = new AtomicLong();
        private long[] waits;
        private long cpu;
        private long allocated;
        private long nanos;

        void start(long total) {
            waits = new long[(int) total];
            cpu = os.getProcessCpuTime();
            allocated = allocatedBytes();
            nanos = System.nanoTime();
        }

        void stored(long wait) {
            waits[(int) count.getAndIncrement()] = wait;
        }

        void stop() {
            nanos = System.nanoTime() - nanos;
            cpu = os.getProcessCpuTime() - cpu;
            allocated = allocatedBytes() - allocated;
        }

        /** Bytes allocated by all live threads so far (threads that ended are not counted: none end while measuring). */
        private long allocatedBytes() {
            long[] ids = threads.getAllThreadIds();
            return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
        }

        void print(int rate, int seconds) {
            long n = count.get();
            long[] sorted = Arrays.copyOf(waits, (int) n);
            Arrays.sort(sorted);
            System.out.printf("[store] offered %d/s, stored %.0f/s; CPU %.2f cores, %.3f ms per message;"
                    + " allocated %.0f KB per message; wait for the commit p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    rate, n * 1e9 / nanos, (double) cpu / nanos, cpu / 1e6 / n, allocated / 1024.0 / n,
                    sorted[(int) (n / 2)] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[(int) n - 1] / 1e6);
        }
    }
}
