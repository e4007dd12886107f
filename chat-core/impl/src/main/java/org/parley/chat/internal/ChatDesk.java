package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Agent;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.DeskSubscriber;
import org.parley.chat.api.Message;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;

/** The agents' desk on the chat tables: lists, taking, answering, seen marks and closing. */
@Component(service = AgentDesk.class)
public final class ChatDesk implements AgentDesk {
    private final ChatStore store;

    @Activate
    public ChatDesk(@Reference ChatStore store) {
        this.store = store;
    }

    @Override
    public List<DeskConversation> conversations(String agentId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIST));
        try (SqlSession session = store.session()) {
            DeskMapper desk = session.getMapper(DeskMapper.class);
            // The queue and the agent's own chats first, then the rest; each part most recently changed first.
            List<DeskRow> rows = newestFirst(desk.queue(agentId, size), desk.own(agentId, size), size);
            if (rows.size() < size) {
                rows.addAll(newestFirst(desk.othersActive(agentId, size), desk.ended(agentId, size),
                        size - rows.size()));
            }
            return rows.stream().map(row -> row.withNewest(store, session).toDeskConversation(agentId)).toList();
        }
    }

    private static final Comparator<DeskRow> NEWEST_FIRST =
            Comparator.comparing((DeskRow row) -> row.updatedAt).reversed().thenComparing(row -> row.id);

    /** The newest of two lists, each newest first and the newest of its kind, together: at most limit. */
    private static List<DeskRow> newestFirst(List<DeskRow> some, List<DeskRow> others, int limit) {
        List<DeskRow> rows = new ArrayList<>(some.size() + others.size());
        rows.addAll(some);
        rows.addAll(others);
        rows.sort(NEWEST_FIRST);
        return new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
    }

    @Override
    public DeskConversation conversation(String agentId, String conversationId) {
        try (SqlSession session = store.session()) {
            DeskRow row = session.getMapper(DeskMapper.class).one(agentId, conversationId);
            if (row == null) {
                throw new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
            }
            return row.withNewest(store, session).toDeskConversation(agentId);
        }
    }

    @Override
    public List<DeskConversation> conversationsOfVisitor(String agentId, String visitorId) {
        try (SqlSession session = store.session()) {
            return session.getMapper(DeskMapper.class).ofVisitor(agentId, visitorId).stream()
                    .map(row -> row.withNewest(store, session).toDeskConversation(agentId))
                    .toList();
        }
    }

    @Override
    public Conversation take(String conversationId, Agent agent) {
        requireChatting(agent);
        Integer limit = agent.maxConcurrentSessions();
        if (limit != null) {
            ensureLoadRow(agent.id());
        }
        OffsetDateTime now = ChatStore.now();
        Message joined;
        Conversation taken;
        try (SqlSession session = store.session()) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            if (limit != null) {
                session.getMapper(DeskMapper.class).lockLoad(agent.id());
                long open = conversations.countActiveOf(agent.id());
                if (open >= limit) {
                    ConversationRow row = conversations.find(conversationId);
                    if (row != null && "ACTIVE".equals(row.state) && agent.id().equals(row.assignedAgentId)) {
                        return row.toConversation();
                    }
                    throw new ChatException(ChatException.Reason.CONFLICT, null, "You have " + open
                            + " open chats, as many as your limit of " + limit + "; close one to take another");
                }
            }
            conversations.lockCounter(conversationId);
            if (conversations.assign(conversationId, agent.id()) == 0) {
                return alreadyTaken(conversations.find(conversationId), agent);
            }
            joined = store.appendSystem(session, conversationId, agent.displayName() + " joined the chat", now);
            taken = conversations.find(conversationId).toConversation();
            session.commit();
        }
        store.published(joined, taken);
        store.published(new DeskEvent(taken, DeskEvent.Reason.TAKEN));
        return taken;
    }

    /** Taking one's own chat again is fine; anything else that is not waiting in the queue is refused. */
    private static Conversation alreadyTaken(ConversationRow row, Agent agent) {
        if (row == null) {
            throw new ChatException(ChatException.Reason.NOT_FOUND, "conversationId", "No such conversation");
        }
        if ("CLOSED".equals(row.state)) {
            throw new ChatException(ChatException.Reason.CLOSED, "conversationId", "The chat is closed");
        }
        if (agent.id().equals(row.assignedAgentId)) {
            return row.toConversation();
        }
        throw new ChatException(ChatException.Reason.CONFLICT, "conversationId", "Another agent took this chat first");
    }

    /** The row that takes lock; made in its own transaction, where two first takes at once may both try. */
    private void ensureLoadRow(String agentId) {
        try (SqlSession session = store.session()) {
            session.getMapper(DeskMapper.class).insertLoad(agentId);
            session.commit();
        } catch (PersistenceException e) {
            // The other one made it: the row is there either way. Anything else shows when it is locked.
        }
    }

    @Override
    public PostedMessage reply(String conversationId, Agent agent, String clientMessageId, String text) {
        requireChatting(agent);
        // Storing it also marks what came before as read by the agent (MessageWriter).
        return store.post(conversationId, Sender.agent(agent.id(), agent.displayName()), clientMessageId, text,
                agent.id());
    }

    @Override
    public void markSeen(String conversationId, String agentId, long seq) {
        SeenMarks.raise(store, conversationId, agentId, seq);
    }

    @Override
    public Conversation close(String conversationId, Agent agent) {
        requireChatting(agent);
        return ConversationEnd.close(store, conversationId, Sender.agent(agent.id(), agent.displayName()),
                agent.id());
    }

    @Override
    public Conversations.Subscription subscribe(DeskSubscriber subscriber) {
        return store.subscribe(subscriber);
    }

    /** Only active, enabled agents chat; the others may read. */
    static void requireChatting(Agent agent) {
        if (!agent.enabled() || !agent.active()) {
            throw new ChatException(ChatException.Reason.FORBIDDEN, null,
                    "Inactive agents may read conversations but not take, answer or close them");
        }
    }
}
