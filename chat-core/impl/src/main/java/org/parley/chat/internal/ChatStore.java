package org.parley.chat.internal;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.platform.database.Database;

/**
 * The chat tables, migrated once when the bundle activates, and the in-JVM fan-out of stored messages. A service of
 * this bundle only, shared by its components, so that a message stored by any of them reaches every subscriber.
 */
// Immediate: the schema is migrated when Parley starts, not on the first request.
@Component(service = ChatStore.class, immediate = true)
public final class ChatStore {
    private final SqlSessionFactory sessions;
    private final MessageFanout fanout = new MessageFanout();

    @Activate
    public ChatStore(@Reference Database database) {
        this.sessions = database.open("chat", ChatStore.class.getClassLoader(),
                VisitorMapper.class, ConversationMapper.class, MessageMapper.class);
    }

    /** A session with its own transaction; commit it, or closing it rolls back. */
    SqlSession session() {
        return sessions.openSession(false);
    }

    /** A session inside someone else's transaction: statements only, the owner commits or rolls back. */
    SqlSession sessionOn(Connection transaction) {
        return sessions.openSession(BorrowedConnection.of(transaction));
    }

    MessageFanout fanout() {
        return fanout;
    }

    /**
     * Stores a message with the next sequence number. The caller has taken that number with
     * {@link ConversationMapper#advanceSeq}, whose row lock serializes the conversation's writers.
     */
    static Message insertNext(SqlSession session, String conversationId, Sender sender, String clientMessageId,
            String text, OffsetDateTime now) {
        long seq = session.getMapper(ConversationMapper.class).lastSeq(conversationId);
        Message message = new Message(conversationId, seq, clientMessageId, sender, text, now.toInstant());
        session.getMapper(MessageMapper.class).insert(MessageRow.of(message));
        return message;
    }

    /** Stores a message from Parley itself, such as "the chat was closed", in the session's transaction. */
    static Message appendSystem(SqlSession session, String conversationId, String text, OffsetDateTime now) {
        if (session.getMapper(ConversationMapper.class).advanceSeq(conversationId, now) == 0) {
            throw new ChatException(ChatException.Reason.CLOSED, "conversationId", "The conversation is closed");
        }
        return insertNext(session, conversationId, Sender.system(), UUID.randomUUID().toString(), text, now);
    }

    /** Database timestamps keep microseconds; trimming here keeps what we return equal to what we read back. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
