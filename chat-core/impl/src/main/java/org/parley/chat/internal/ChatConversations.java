package org.parley.chat.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.ConversationStatistics;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;
import org.parley.chat.api.MessageSubscriber;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.Visitor;
import org.parley.platform.database.Database;

/**
 * Conversations stored through MyBatis, with live delivery to subscribers after each commit. Also counts them for
 * agent-admin's usage overview, through the statistics service agent-admin's API defines.
 */
// Immediate: the schema is migrated when Parley starts, not on the first request.
@Component(service = {Conversations.class, ConversationStatistics.class}, immediate = true)
public class ChatConversations implements Conversations, ConversationStatistics {
    /** The most messages one read returns. */
    static final int MAX_PAGE = 500;

    private final SqlSessionFactory sessions;
    private final MessageFanout fanout = new MessageFanout();

    @Activate
    public ChatConversations(@Reference Database database) {
        this.sessions = database.open("chat", ChatConversations.class.getClassLoader(),
                VisitorMapper.class, ConversationMapper.class, MessageMapper.class);
    }

    @Override
    public NewVisitor createVisitor() {
        String token = VisitorTokens.newToken();
        Visitor visitor = new Visitor(UUID.randomUUID().toString(), now().toInstant());
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(VisitorMapper.class)
                    .insert(visitor.id(), VisitorTokens.hash(token), visitor.createdAt().atOffset(ZoneOffset.UTC));
            session.commit();
        }
        return new NewVisitor(visitor, token);
    }

    @Override
    public Optional<Visitor> visitorByToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        try (SqlSession session = sessions.openSession()) {
            VisitorRow row = session.getMapper(VisitorMapper.class).findByTokenHash(VisitorTokens.hash(token));
            return Optional.ofNullable(row).map(VisitorRow::toVisitor);
        }
    }

    @Override
    public Conversation open(String visitorId) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(ConversationMapper.class).insert(id, visitorId, ConversationState.NEW.name(), now);
            session.commit();
        }
        return new Conversation(id, visitorId, ConversationState.NEW, 0, now.toInstant());
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        try (SqlSession session = sessions.openSession()) {
            ConversationRow row = session.getMapper(ConversationMapper.class).find(conversationId);
            return Optional.ofNullable(row).map(ConversationRow::toConversation);
        }
    }

    @Override
    public PostedMessage post(String conversationId, Sender sender, String clientMessageId, String text) {
        String checkedText = MessageRules.checkText(text);
        String checkedId = MessageRules.checkClientMessageId(clientMessageId);
        OffsetDateTime now = now();
        Message message;
        try (SqlSession session = sessions.openSession()) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            MessageMapper messages = session.getMapper(MessageMapper.class);
            if (conversations.advanceSeq(conversationId, now) == 0) {
                throw missingOrClosed(conversations.find(conversationId));
            }
            // Checked under the conversation's row lock, so two copies sent at once cannot both be stored.
            MessageRow existing = messages.findByClientId(conversationId, checkedId);
            if (existing != null) {
                session.rollback();
                return new PostedMessage(existing.toMessage(), false);
            }
            long seq = conversations.lastSeq(conversationId);
            message = new Message(conversationId, seq, checkedId, sender, checkedText, now.toInstant());
            messages.insert(MessageRow.of(message));
            session.commit();
        }
        fanout.publish(message);
        return new PostedMessage(message, true);
    }

    private static ChatException missingOrClosed(ConversationRow row) {
        if (row == null) {
            return new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
        }
        return new ChatException(ChatException.Reason.CLOSED, "conversationId", "The conversation is closed");
    }

    @Override
    public List<Message> messagesAfter(String conversationId, long afterSeq, int limit) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(MessageMapper.class).after(conversationId, Math.max(0, afterSeq), pageSize)
                    .stream().map(MessageRow::toMessage).toList();
        }
    }

    @Override
    public long conversationsSince(Instant since) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(ConversationMapper.class).countSince(since.atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public Subscription subscribe(String conversationId, MessageSubscriber subscriber) {
        return fanout.subscribe(conversationId, subscriber);
    }

    /** Database timestamps keep microseconds; trimming here keeps what we return equal to what we read back. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
