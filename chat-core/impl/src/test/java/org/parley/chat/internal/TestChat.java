package org.parley.chat.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.chat.api.Conversation;
import org.parley.platform.database.TestDatabase;

/**
 * Chat core's components and the real agent directory on one fresh database, wired as DS would wire them in one
 * framework; close it at the end of the test.
 */
final class TestChat implements AutoCloseable {
    final TestDatabase db;
    final ChatStore store;
    final ChatConversations conversations;
    final ChatStatistics statistics;
    final ConversationRequeue requeue;
    final ChatDesk desk;
    final ChatVisitorRecords visitors;
    final SqlAgentDirectory agents;

    TestChat(ChatDatabase kind) {
        this(kind.create());
    }

    /** The same on a database made otherwise (a file H2 database for the benchmarks); closed with this. */
    TestChat(TestDatabase db) {
        this.db = db;
        store = new ChatStore(db.connection());
        conversations = new ChatConversations(store);
        statistics = new ChatStatistics(store);
        requeue = new ConversationRequeue(store);
        desk = new ChatDesk(store);
        visitors = new ChatVisitorRecords(store);
        agents = new SqlAgentDirectory(new AgentDatabase(db.connection()), Clock.systemUTC());
        agents.addDeletionListener(requeue);
    }

    /** An active agent; the free plan has room for three. */
    Agent agent(String username) {
        return agents.create(new NewAgent("Agent " + username, username, "secret-" + username, null,
                AccessLevel.LIMITED));
    }

    /** An agent as the directory describes one, for tests that need no directory. */
    static Agent agent(String name, boolean active, Integer maxConcurrentSessions) {
        return new Agent(java.util.UUID.randomUUID().toString(), name, "Agent " + name, null, null,
                AccessLevel.LIMITED, active, true, false, maxConcurrentSessions, java.util.List.of(),
                java.time.Instant.now());
    }

    /** {@code count} agents as the directory describes them, named {@code prefix0}, {@code prefix1}, ... */
    static java.util.List<Agent> agents(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> agent(prefix + i, true, null)).toList();
    }

    Conversation newConversation() {
        return conversations.open(conversations.createVisitor().visitor().id());
    }

    /** Every row of the chat tables, with the messages held in memory written first (on an H2 file). */
    String contents() {
        store.writeHeld();
        return db.dump("SELECT * FROM chat_conversation ORDER BY id")
                + db.dump("SELECT * FROM chat_conversation_counter ORDER BY conversation_id")
                + db.dump("SELECT * FROM chat_message ORDER BY conversation_id, seq");
    }

    void execute(String sql, String... parameters) {
        try (Connection connection = db.connection().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }


    @Override
    public void close() {
        store.deactivate();
        db.close();
    }
}
