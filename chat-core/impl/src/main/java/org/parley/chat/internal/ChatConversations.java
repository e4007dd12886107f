package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

/** Conversations stored through MyBatis, with live delivery to subscribers after each commit. */
@Component(service = Conversations.class)
public class ChatConversations implements Conversations {
    /** The most messages one read returns. */
    static final int MAX_PAGE = 500;

    private final ChatStore store;

    @Activate
    public ChatConversations(@Reference ChatStore store) {
        this.store = store;
    }

    @Override
    public NewVisitor createVisitor() {
        String token = VisitorTokens.newToken();
        Visitor visitor = new Visitor(UUID.randomUUID().toString(), ChatStore.now().toInstant());
        try (SqlSession session = store.session()) {
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
        try (SqlSession session = store.session()) {
            VisitorRow row = session.getMapper(VisitorMapper.class).findByTokenHash(VisitorTokens.hash(token));
            return Optional.ofNullable(row).map(VisitorRow::toVisitor);
        }
    }

    @Override
    public Conversation open(String visitorId) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = ChatStore.now();
        try (SqlSession session = store.session()) {
            session.getMapper(ConversationMapper.class).insert(id, visitorId, ConversationState.NEW.name(), now);
            session.commit();
        }
        return new Conversation(id, visitorId, ConversationState.NEW, 0, now.toInstant());
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        try (SqlSession session = store.session()) {
            ConversationRow row = session.getMapper(ConversationMapper.class).find(conversationId);
            return Optional.ofNullable(row).map(ConversationRow::toConversation);
        }
    }

    @Override
    public PostedMessage post(String conversationId, Sender sender, String clientMessageId, String text) {
        String checkedText = MessageRules.checkText(text);
        String checkedId = MessageRules.checkClientMessageId(clientMessageId);
        OffsetDateTime now = ChatStore.now();
        Message message;
        try (SqlSession session = store.session()) {
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
            message = ChatStore.insertNext(session, conversationId, sender, checkedId, checkedText, now);
            session.commit();
        }
        store.fanout().publish(message);
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
        try (SqlSession session = store.session()) {
            return session.getMapper(MessageMapper.class).after(conversationId, Math.max(0, afterSeq), pageSize)
                    .stream().map(MessageRow::toMessage).toList();
        }
    }

    @Override
    public Subscription subscribe(String conversationId, MessageSubscriber subscriber) {
        return store.fanout().subscribe(conversationId, subscriber);
    }
}
