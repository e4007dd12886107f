package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.Agent;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Sender;
import org.parley.platform.database.DatabaseConnection;
import org.parley.platform.database.TestDatabase;

/**
 * A benchmark of the desk's reads after months of chats, not a test: an embedded file H2 database (as the launcher
 * opens it) holding N ended conversations of M messages each, 20 agents with open chats and a queue, then the reads
 * an agent's desk makes, each timed 200 times (-Dparley.history.runs) with a visitor writing before each: the
 * conversation list (50 and {@value AgentDesk#MAX_LIST}), one conversation, a visitor's history, a chat's messages
 * and the usage overview's count. Prints p50, p99 and max per read. Surefire's default includes leave it out of the
 * build; run it with
 * <pre>mvn -B -q -pl chat-core/impl -am test -Dtest=HistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dparley.history.conversations=100000 -Dparley.history.messages=10 -Dparley.history.runs=200]</pre>
 * Results are in docs/performance.md.
 */
class HistoryBenchmark {
    private static final int AGENTS = 20;
    private static final int OPEN_PER_AGENT = 5;
    private static final int QUEUED = 50;
    private static final int RUNS = Integer.getInteger("parley.history.runs", 200);

    @Test
    void desksAfterMonths() throws Exception {
        int ended = Integer.getInteger("parley.history.conversations", 100_000);
        int messages = Integer.getInteger("parley.history.messages", 10);
        try (TestChat parley = new TestChat(
                TestDatabase.h2File(Files.createTempDirectory("parley-history-benchmark"), 10))) {
            ChatConversations chat = parley.conversations;
            ChatDesk desk = parley.desk;
            List<Agent> agents = TestChat.agents("history", AGENTS);
            long seeding = System.nanoTime();
            List<String> visitors = seedEnded(parley.db.connection(), agents, ended, messages);
            // The open part, through the real code: a queue and each agent's chats, each with a message.
            List<Conversation> open = new ArrayList<>();
            for (int i = 0; i < QUEUED + AGENTS * OPEN_PER_AGENT; i++) {
                Conversation conversation = chat.open(chat.createVisitor().visitor().id());
                open.add(conversation);
                chat.post(conversation.id(), Sender.visitor(conversation.visitorId()), "open-" + i, "Hello?");
                if (i >= QUEUED) {
                    desk.take(conversation.id(), agents.get(i % AGENTS));
                }
            }
            System.out.printf("[history] %d ended conversations of %d messages, %d queued, %d open (%d agents);"
                    + " seeded in %.0f s%n", ended, messages, QUEUED, AGENTS * OPEN_PER_AGENT, AGENTS,
                    (System.nanoTime() - seeding) / 1e9);
            Agent agent = agents.get(0);
            Random random = new Random(1);
            // A visitor writes before each read, as on a live desk: H2 would otherwise answer a repeated query from
            // its previous result, since no table changed.
            Runnable live = () -> {
                Conversation conversation = open.get(random.nextInt(open.size()));
                chat.post(conversation.id(), Sender.visitor(conversation.visitorId()), UUID.randomUUID().toString(),
                        "Are you still there?");
            };
            List<DeskConversation> first = desk.conversations(agent.id(), 50);
            assertEquals(50, first.size(), "the list is full");
            assertTrue(first.stream().limit(QUEUED + OPEN_PER_AGENT).allMatch(c -> c.conversation().state()
                    != org.parley.chat.api.ConversationState.CLOSED), "the queue and the agent's chats come first");
            time("list of 50", live, () -> desk.conversations(agent.id(), 50));
            time("list of " + AgentDesk.MAX_LIST, live, () -> desk.conversations(agent.id(), AgentDesk.MAX_LIST));
            String someId = first.get(0).conversation().id();
            time("one conversation", live, () -> desk.conversation(agent.id(), someId));
            time("a visitor's history", live, () -> desk.conversationsOfVisitor(agent.id(),
                    visitors.get(random.nextInt(visitors.size()))));
            time("an ended chat's messages", live, () -> chat.messagesAfter(
                    first.get(first.size() - 1).conversation().id(), 0, 100));
            time("usage: chats in 30 days", live, () -> parley.statistics.conversationsSince(
                    java.time.Instant.now().minus(java.time.Duration.ofDays(30))));
            parley.store.deactivate();
        }
    }

    /**
     * Ended conversations written straight into the tables (as months of chats would have left them), one visitor
     * each, spread over 90 days; returns the visitors' ids.
     */
    private static List<String> seedEnded(DatabaseConnection db, List<Agent> agents, int ended, int messages)
            throws SQLException {
        List<String> visitors = new ArrayList<>(ended);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(90);
        long step = 90L * 24 * 3600 * 1_000_000 / Math.max(1, ended);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement visitor = c.prepareStatement(
                        "INSERT INTO chat_visitor (id, token_hash, created_at) VALUES (?, ?, ?)");
                PreparedStatement conversation = c.prepareStatement("INSERT INTO chat_conversation (id, visitor_id,"
                        + " state, created_at, assigned_agent_id, closed_at, closed_by_type, closed_by_id)"
                        + " VALUES (?, ?, 'CLOSED', ?, ?, ?, 'AGENT', ?)");
                PreparedStatement counter = c.prepareStatement("INSERT INTO chat_conversation_counter"
                        + " (conversation_id, last_seq, visitor_messages, updated_at) VALUES (?, ?, ?, ?)");
                PreparedStatement message = c.prepareStatement("INSERT INTO chat_message (conversation_id, seq,"
                        + " client_message_id, sender_type, sender_id, sender_name, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ended; i++) {
                String visitorId = UUID.randomUUID().toString();
                String id = UUID.randomUUID().toString();
                Agent agent = agents.get(i % agents.size());
                OffsetDateTime at = start.plusNanos(i * step * 1000);
                OffsetDateTime closed = at.plusMinutes(10);
                visitors.add(visitorId);
                visitor.setString(1, visitorId);
                visitor.setString(2, UUID.randomUUID().toString().replace("-", "") + i);
                visitor.setObject(3, at);
                visitor.addBatch();
                conversation.setString(1, id);
                conversation.setString(2, visitorId);
                conversation.setObject(3, at);
                conversation.setString(4, agent.id());
                conversation.setObject(5, closed);
                conversation.setString(6, agent.id());
                conversation.addBatch();
                counter.setString(1, id);
                counter.setLong(2, messages);
                counter.setLong(3, (messages + 1) / 2);
                counter.setObject(4, closed);
                counter.addBatch();
                for (int seq = 1; seq <= messages; seq++) {
                    boolean fromVisitor = seq % 2 == 1;
                    message.setString(1, id);
                    message.setLong(2, seq);
                    message.setString(3, "seed-" + seq);
                    message.setString(4, fromVisitor ? "VISITOR" : "AGENT");
                    message.setString(5, fromVisitor ? visitorId : agent.id());
                    message.setString(6, fromVisitor ? null : agent.displayName());
                    message.setString(7, fromVisitor ? "Is the blue jacket available in size M?"
                            : "Yes, it is: shall I put one aside for you?");
                    message.setObject(8, at.plusSeconds(seq * 30L));
                    message.addBatch();
                }
                if (i % 500 == 499 || i == ended - 1) {
                    visitor.executeBatch();
                    conversation.executeBatch();
                    counter.executeBatch();
                    message.executeBatch();
                    c.commit();
                }
            }
        }
        return visitors;
    }

    private static void time(String read, Runnable before, Supplier<?> call) {
        for (int i = 0; i < Math.min(20, RUNS); i++) {
            call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            before.run();
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("[history] %-26s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", read, nanos[RUNS / 2] / 1e6,
                nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6);
    }
}
