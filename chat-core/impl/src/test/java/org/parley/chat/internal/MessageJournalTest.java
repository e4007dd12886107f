package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.agent.api.Agent;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.platform.database.DatabaseConnection;
import org.parley.platform.database.TestDatabase;

/**
 * Messages acknowledged on an H2 file survive a crash that takes H2's unwritten changes with it: the journal gives
 * them back, with their conversation's counters and the agent's read mark, exactly once. The crash is
 * {@code SHUTDOWN IMMEDIATELY} (H2 closes its file without writing) and a copy of the folder as that left it.
 */
class MessageJournalTest {
    @TempDir
    Path running;
    @TempDir
    Path crashed;

    @Test
    void acknowledgedMessagesComeBackAfterACrashOnce() throws Exception {
        String before;
        String conversationId;
        String visitorId;
        try (TestChat parley = new TestChat(TestDatabase.h2File(running, 4))) {
            Taken taken = takenByAnn(parley);
            conversationId = taken.conversation().id();
            visitorId = taken.conversation().visitorId();
            Agent agent = taken.agent();
            // H2 would write its file in the background within half a second; not during this test.
            parley.execute("SET WRITE_DELAY 600000");
            for (int i = 1; i <= 30; i++) {
                parley.conversations.post(conversationId, Sender.visitor(visitorId), "v" + i, "visitor " + i);
            }
            for (int i = 1; i <= 5; i++) {
                parley.desk.reply(conversationId, agent, "a" + i, "agent " + i);
            }
            before = parley.contents() + seenMarks(parley.db.connection());
            crash(parley);
        }
        try (DatabaseConnection file = open(crashed)) {
            assertTrue(count(file, "SELECT COUNT(*) FROM chat_message") < 36,
                    "the crash lost messages from H2's file, so the journal has something to give back");
        }
        try (TestChat restarted = new TestChat(TestDatabase.h2File(crashed, 4))) {
            assertEquals(before, restarted.contents() + seenMarks(restarted.db.connection()));
            PostedMessage again = restarted.conversations.post(conversationId, Sender.visitor(visitorId), "v30", "visitor 30");
            assertFalse(again.created(), "a retry of an acknowledged message finds it");
            assertEquals(31, again.message().seq());
            PostedMessage next = restarted.conversations.post(conversationId, Sender.visitor(visitorId), "v31", "visitor 31");
            assertEquals(37, next.message().seq(), "numbering goes on after the replayed messages");
        }
    }

    @Test
    void messagesHeldInMemoryOutliveCheckpointsAndACrash() throws Exception {
        String conversationId;
        String visitorId;
        Agent agent;
        try (TestChat parley = new TestChat(TestDatabase.h2File(running, 4))) {
            Taken taken = takenByAnn(parley);
            conversationId = taken.conversation().id();
            visitorId = taken.conversation().visitorId();
            agent = taken.agent();
            for (int i = 1; i <= 10; i++) {
                parley.conversations.post(conversationId, Sender.visitor(visitorId), "v" + i, "visitor " + i);
            }
            // Checkpoints come every second; fewer than MessageFlusher.AT_MESSAGES messages stay held for 20 s.
            Thread.sleep(2_500);
            assertEquals(1, count(parley.db.connection(), "SELECT COUNT(*) FROM chat_message"),
                    "only the agent's joining notice is in the table; the visitor's messages are held");
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L),
                    parley.conversations.messagesAfter(conversationId, 0, 50).stream().map(Message::seq).toList(),
                    "reads find the held messages");
            assertEquals(10, parley.desk.conversation(agent.id(), conversationId).unread());
            assertEquals("visitor 10", parley.desk.conversation(agent.id(), conversationId).lastMessage().text());
            crash(parley);
        }
        try (DatabaseConnection file = open(crashed)) {
            assertEquals(1, count(file, "SELECT COUNT(*) FROM chat_message"), "the crashed file has none of them");
        }
        try (TestChat restarted = new TestChat(TestDatabase.h2File(crashed, 4))) {
            List<Message> messages = restarted.conversations.messagesAfter(conversationId, 0, 50);
            assertEquals(11, messages.size());
            assertEquals("visitor 10", messages.get(10).text());
            // The checkpoints had written the counters, which counted these messages, before the crash: the replay
            // must not count them again, or the agent's unread badge would never clear.
            assertEquals(10, restarted.desk.conversation(agent.id(), conversationId).unread(),
                    "each replayed message counted once");
            assertFalse(restarted.conversations.post(conversationId, Sender.visitor(visitorId), "v10", "visitor 10")
                    .created(), "a retry finds the replayed message");
            restarted.desk.markSeen(conversationId, agent.id(), 11);
            assertEquals(0, restarted.desk.conversation(agent.id(), conversationId).unread(),
                    "once the agent has read them all, nothing is unread");
        }
    }

    @Test
    void aReplayCountsOnlyTheMessagesTheCounterHadNotCounted() throws Exception {
        try (TestChat parley = new TestChat(TestDatabase.h2File(running, 4))) {
            Conversation conversation = parley.newConversation();
            // As a crash can leave it: the counter's update for messages 1 and 2 reached the file, their rows did not.
            parley.execute("UPDATE chat_conversation_counter SET last_seq = 2, visitor_messages = 2"
                    + " WHERE conversation_id = ?", conversation.id());
            List<MessageJournal.Entry> entries = new ArrayList<>();
            for (int seq = 1; seq <= 4; seq++) {
                Message message = new Message(conversation.id(), seq, "v" + seq,
                        Sender.visitor(conversation.visitorId()), "visitor " + seq, Instant.now());
                entries.add(new MessageJournal.Entry(MessageRow.of(message), true, null));
            }
            byte[] record = MessageJournal.encode(entries);
            SqlSessionFactory sessions = parley.db.connection().open("chat", ChatStore.class.getClassLoader(),
                    VisitorMapper.class, ConversationMapper.class, MessageMapper.class, DeskMapper.class);

            assertEquals(4, MessageJournal.replay(record, sessions), "every row was missing");
            assertEquals("4 4", counter(parley, conversation.id()), "messages 3 and 4 counted, 1 and 2 not again");
            assertEquals(0, MessageJournal.replay(record, sessions), "replaying twice changes nothing");
            assertEquals("4 4", counter(parley, conversation.id()));
        }
    }

    private static String counter(TestChat parley, String conversationId) throws SQLException {
        String where = " FROM chat_conversation_counter WHERE conversation_id = '" + conversationId + "'";
        return count(parley.db.connection(), "SELECT last_seq" + where) + " "
                + count(parley.db.connection(), "SELECT visitor_messages" + where);
    }

    @Test
    void aBusyConversationsMessagesAreWrittenTogetherAndTheJournalLetsThemGo() throws Exception {
        try (TestChat parley = new TestChat(TestDatabase.h2File(running, 4))) {
            Conversation conversation = parley.newConversation();
            for (int i = 1; i <= MessageFlusher.AT_MESSAGES; i++) {
                parley.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), "v" + i,
                        "visitor " + i);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (count(parley.db.connection(), "SELECT COUNT(*) FROM chat_message") < MessageFlusher.AT_MESSAGES
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(MessageFlusher.AT_MESSAGES, count(parley.db.connection(),
                    "SELECT COUNT(*) FROM chat_message"), "written within a few seconds, not after 20");
            while (journalBytes() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, journalBytes(), "the checkpoint after the write retires their journal records");
            assertFalse(parley.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), "v1",
                    "visitor 1").created(), "a retry finds the written message");
        }
    }

    @Test
    void aFlushThatMeetsARowTheTableHasWritesTheOthersOneByOne() throws Exception {
        try (TestChat parley = new TestChat(TestDatabase.h2File(running, 4))) {
            Conversation first = parley.newConversation();
            Conversation second = parley.newConversation();
            for (Conversation conversation : List.of(first, second)) {
                for (int i = 1; i <= 3; i++) {
                    parley.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), "v" + i,
                            "visitor " + i);
                }
            }
            // As if a replay had written it already: the flush's one batch fails on it.
            parley.execute("INSERT INTO chat_message (conversation_id, seq, client_message_id, sender_type, sender_id,"
                    + " body, created_at) VALUES (?, 2, 'v2', 'VISITOR', ?, 'visitor 2', CURRENT_TIMESTAMP)",
                    first.id(), first.visitorId());
            parley.store.writeHeld();

            assertEquals(6, count(parley.db.connection(), "SELECT COUNT(*) FROM chat_message"), "each once");
            for (Conversation conversation : List.of(first, second)) {
                assertEquals(List.of(1L, 2L, 3L), parley.conversations.messagesAfter(conversation.id(), 0, 10)
                        .stream().map(Message::seq).toList());
            }
        }
    }

    private long journalBytes() throws Exception {
        try (Stream<Path> files = Files.list(running)) {
            long bytes = 0;
            for (Path file : files.filter(file -> file.toString().endsWith(".journal")).toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    private static DatabaseConnection open(Path folder) {
        return new DatabaseConnection("jdbc:h2:file:" + folder.resolve("parley") + TestDatabase.H2_OPTIONS, "", "", 4);
    }

    private void crash(TestChat parley) throws Exception {
        try (Connection connection = parley.db.connection().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedUnderIt) {
            // H2 answers the statement that closed it with "database is already closed"
        }
        try (Stream<Path> files = Files.list(running)) {
            for (Path file : files.toList()) {
                Files.copy(file, crashed.resolve(file.getFileName()));
            }
        }
    }

    private static String seenMarks(DatabaseConnection db) throws SQLException {
        StringBuilder marks = new StringBuilder();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT conversation_id, agent_id, seen_seq FROM chat_seen ORDER BY conversation_id, agent_id")) {
            while (rows.next()) {
                marks.append(rows.getString(1)).append('|').append(rows.getString(2)).append('|').append(rows.getLong(3))
                        .append('\n');
            }
        }
        return marks.toString();
    }

    private static long count(DatabaseConnection db, String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A conversation and the agent who took it. */
    private record Taken(Conversation conversation, Agent agent) {}

    /** A new conversation, taken by the agent Ann. */
    private static Taken takenByAnn(TestChat parley) {
        Conversation conversation = parley.newConversation();
        Agent agent = parley.agent("ann");
        parley.desk.take(conversation.id(), agent);
        return new Taken(conversation, agent);
    }
}
