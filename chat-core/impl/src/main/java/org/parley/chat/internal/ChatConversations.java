package org.parley.chat.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;
import org.parley.chat.api.MessageSubscriber;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;
import org.parley.chat.api.Visitor;

/** Conversations stored through MyBatis, with live delivery to subscribers after each commit. */
@Component(service = Conversations.class)
public class ChatConversations implements Conversations {
    /** The most messages one read returns. */
    static final int MAX_PAGE = 500;
    /** Closed conversations a visitor's message follows at most; more means they are closed as fast as they open. */
    private static final int MAX_HOPS = 10;

    /** Visitors known by token; a token never changes owner and visitors are never deleted, so entries stay true. */
    private static final int CACHED_TOKENS = 100_000;

    private final ChatStore store;
    private final Cache<String, Visitor> visitorsByTokenHash = Caffeine.newBuilder()
            .maximumSize(CACHED_TOKENS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    /** Where a visitor's message sent to a closed conversation moves on to the next one ({@link #postAsync}). */
    private final ExecutorService continuations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-conversation-continuations");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ChatConversations(@Reference ChatStore store) {
        this.store = store;
    }

    @Deactivate
    void deactivate() {
        continuations.shutdownNow();
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
        String hash = VisitorTokens.hash(token);
        Visitor known = visitorsByTokenHash.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        // Unknown tokens are not cached: guessing must not fill the cache.
        try (SqlSession session = store.session()) {
            VisitorRow row = session.getMapper(VisitorMapper.class).findByTokenHash(hash);
            Optional<Visitor> visitor = Optional.ofNullable(row).map(VisitorRow::toVisitor);
            visitor.ifPresent(found -> visitorsByTokenHash.put(hash, found));
            return visitor;
        }
    }

    @Override
    public Conversation open(String visitorId) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = ChatStore.now();
        try (SqlSession session = store.session()) {
            if (ChatVisitorRecords.isBlocked(session, visitorId)) {
                throw ChatVisitorRecords.blocked();
            }
            ChatStore.insertConversation(session, id, visitorId, null, now);
            session.commit();
        }
        Conversation opened = new Conversation(id, visitorId, ConversationState.NEW, 0, now.toInstant());
        store.published(new DeskEvent(opened, DeskEvent.Reason.OPENED));
        return opened;
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
        String target = conversationId;
        // A visitor writing after a close continues in the conversation that follows; each hop is a closed one.
        for (int hops = 0;; hops++) {
            try {
                return store.post(target, sender, clientMessageId, text, null);
            } catch (ChatException e) {
                if (e.reason() != ChatException.Reason.CLOSED || sender.type() != SenderType.VISITOR
                        || hops == MAX_HOPS) {
                    throw e;
                }
                target = ConversationEnd.continuation(store, target);
            }
        }
    }

    /**
     * A visitor's message to a closed conversation continues in the next one, as {@link #post} does: that step opens a
     * conversation, so it runs here, never on the writer's thread that reported the close.
     */
    @Override
    public CompletionStage<PostedMessage> postAsync(String conversationId, Sender sender, String clientMessageId,
            String text) {
        return store.postAsync(conversationId, sender, clientMessageId, text, null).exceptionallyCompose(failure ->
                failure instanceof ChatException e && e.reason() == ChatException.Reason.CLOSED
                        && sender.type() == SenderType.VISITOR
                        ? CompletableFuture.supplyAsync(() -> post(conversationId, sender, clientMessageId, text),
                                continuations)
                        : CompletableFuture.failedFuture(failure));
    }

    @Override
    public Conversation close(String conversationId, Sender closedBy) {
        return ConversationEnd.close(store, conversationId, closedBy, null);
    }

    @Override
    public List<Conversation> conversationsOf(String visitorId) {
        try (SqlSession session = store.session()) {
            return session.getMapper(ConversationMapper.class).ofVisitor(visitorId).stream()
                    .map(ConversationRow::toConversation)
                    .toList();
        }
    }

    @Override
    public long markSeenByVisitor(String conversationId, long seq) {
        Conversation conversation = find(conversationId).orElseThrow(() -> new ChatException(
                ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation"));
        return SeenMarks.raise(store, conversationId, conversation.visitorId(), seq);
    }

    @Override
    public org.parley.chat.api.SeenMarks seenMarks(String conversationId) {
        Conversation conversation = find(conversationId).orElseThrow(() -> new ChatException(
                ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation"));
        return SeenMarks.of(store, conversationId, conversation.visitorId());
    }

    @Override
    public List<Message> messagesAfter(String conversationId, long afterSeq, int limit) {
        int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
        try (SqlSession session = store.session()) {
            return store.messagesAfter(session, conversationId, Math.max(0, afterSeq), pageSize)
                    .stream().map(MessageRow::toMessage).toList();
        }
    }

    @Override
    public Subscription subscribe(String conversationId, MessageSubscriber subscriber) {
        return store.subscribe(conversationId, subscriber);
    }
}
