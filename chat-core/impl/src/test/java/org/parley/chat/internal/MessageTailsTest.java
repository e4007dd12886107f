package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The messages held in memory between their journal append and their row: what readers and the flusher get back. */
class MessageTailsTest {
    private final MessageTails tails = new MessageTails();

    @Test
    void aHeldMessageReadsBackAsItWasStoredWhateverItsText() {
        String text = "Grüße 👋 <script>alert(1)</script> " + "x".repeat(3_900);
        MessageRow visitor = row("c1", 1, "client-1", "VISITOR", "visitor-7", null, text);
        MessageRow agent = row("c1", 2, "client-2", "AGENT", "agent-ann", "Ann Ö", "");
        MessageRow system = row("c1", 3, "client-3", "SYSTEM", null, null, "Ann joined the chat");
        tails.hold(List.of(visitor, agent, system), 42);

        List<MessageRow> held = tails.of("c1");
        assertEquals(List.of(fields(visitor), fields(agent), fields(system)), held.stream().map(this::fields).toList());
        assertEquals(List.of(), tails.of("c2"));
        assertEquals(3, tails.held());
        assertEquals(42, tails.oldestPosition());
    }

    @Test
    void writersAndReadersFindHeldMessagesByClientIdNumberAndSender() {
        tails.hold(List.of(row("c1", 1, "a", "VISITOR", "v", null, "one"), row("c1", 2, "b", "AGENT", "ann", "Ann", "two"),
                row("c1", 3, "c", "VISITOR", "v", null, "three")), 1);
        MessageRow later = row("c2", 1, "a", "AGENT", "ann", "Ann Newer", "elsewhere");
        later.createdAt = later.createdAt.plusMinutes(1);
        tails.hold(List.of(later), 2);

        assertEquals("two", tails.byClientId("c1", "b").body);
        assertNull(tails.byClientId("c1", "elsewhere"), "a client id is looked for in its own conversation only");
        assertNull(tails.byClientId("c3", "a"));
        assertEquals("three", tails.at("c1", 3).body);
        assertNull(tails.at("c1", 4));
        assertEquals(1, tails.visitorMessagesUpTo("c1", 2));
        assertEquals(2, tails.visitorMessagesUpTo("c1", 3));
        assertEquals("Ann Newer", tails.lastNameOf("ann"));
        assertNull(tails.lastNameOf("bob"));
        assertEquals(1, tails.oldestPosition());
    }

    @Test
    void busyAndOldConversationsAreDueAndWhatIsWrittenIsLetGo() {
        for (int seq = 1; seq <= 4; seq++) {
            tails.hold(List.of(row("busy", seq, "b" + seq, "VISITOR", "v", null, "m")), 10 + seq);
        }
        tails.hold(List.of(row("quiet", 1, "q1", "VISITOR", "w", null, "m")), 20);

        List<List<MessageRow>> due = tails.due(4, 0, Integer.MAX_VALUE);
        assertEquals(List.of(List.of(1L, 2L, 3L, 4L)), due.stream().map(rows -> rows.stream().map(r -> r.seq).toList())
                .toList(), "only the conversation holding four is due");
        assertEquals(2, tails.due(4, 0, 0).size(), "over the most held, the others are due too");

        tails.hold(List.of(row("busy", 5, "b5", "VISITOR", "v", null, "m")), 30);
        AtomicInteger commits = new AtomicInteger();
        tails.written(due, commits::incrementAndGet);
        assertEquals(1, commits.get());
        assertEquals(List.of(5L), tails.of("busy").stream().map(r -> r.seq).toList(),
                "what arrived after the flush read its messages stays held");
        assertEquals(2, tails.held());
        assertEquals(20, tails.oldestPosition());
    }

    @Test
    void aReaderNeverSeesAMessageBothHeldAndWrittenNorNeither() throws Exception {
        // The "table": what the flusher committed. A reader adds what is held to it.
        List<Long> table = java.util.Collections.synchronizedList(new ArrayList<>());
        long messages = 2_000;
        CountDownLatch done = new CountDownLatch(1);
        Thread flusher = new Thread(() -> {
            for (long seq = 1; seq <= messages; seq++) {
                tails.hold(List.of(row("c", seq, "m" + seq, "VISITOR", "v", null, "m")), seq);
                if (seq % 10 == 0) {
                    List<List<MessageRow>> due = tails.due(1, Long.MAX_VALUE, 0);
                    tails.written(due, () -> due.forEach(rows -> rows.forEach(r -> table.add(r.seq))));
                }
            }
            done.countDown();
        });
        flusher.start();
        int reads = 0;
        while (done.getCount() > 0 || reads == 0) {
            List<Long> seen = tails.read(() -> {
                List<Long> all = new ArrayList<>();
                synchronized (table) {
                    all.addAll(table);
                }
                tails.of("c").forEach(r -> all.add(r.seq));
                return all;
            });
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i + 1L, seen.get(i), "each message once, in order, from the first on");
            }
            reads++;
        }
        flusher.join();
    }

    private static MessageRow row(String conversationId, long seq, String clientId, String senderType, String senderId,
            String senderName, String body) {
        MessageRow row = new MessageRow();
        row.conversationId = conversationId;
        row.seq = seq;
        row.clientMessageId = clientId;
        row.senderType = senderType;
        row.senderId = senderId;
        row.senderName = senderName;
        row.body = body;
        row.createdAt = Instant.parse("2026-12-06T05:00:00.123456Z").plusSeconds(seq).atOffset(ZoneOffset.UTC);
        return row;
    }

    private List<Object> fields(MessageRow row) {
        return java.util.Arrays.asList(row.conversationId, row.seq, row.clientMessageId, row.senderType, row.senderId,
                row.senderName, row.body, row.createdAt);
    }
}
