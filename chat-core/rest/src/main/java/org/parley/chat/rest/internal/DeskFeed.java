package org.parley.chat.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.parley.agent.api.Agent;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.DeskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns desk events into {@code desk} frames for agents' connections. Each frame shows the conversation as that
 * agent sees it (state and unread count), which takes a read of the store; the reads run on threads of their own, so
 * that the thread storing a message never waits for them, and each connection gets its frames in the order the
 * changes were published.
 *
 * <p>What keeps this cheap under load (docs/performance.md):
 * <ul>
 *   <li>A new message moves a conversation in the lists of the agents it concerns: everyone for a chat in the queue,
 *       only the assigned agent for an active one. Other agents' lists show another agent's chat as "not in
 *       conversation" whatever is written in it, so they get no frame for its messages (they still get its state
 *       changes: taken, requeued, closed).</li>
 *   <li>Changes of one conversation that wait for the same connection are merged: the connection gets one frame with
 *       the conversation as it is when the frame is built, so a burst of messages costs one read, and the waiting
 *       work is bounded by the conversations in the agent's list, never by the message rate.</li>
 * </ul>
 */
final class DeskFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskFeed.class);
    private static final int THREADS = 2;

    private final AgentDesk desk;
    private final ExecutorService[] reads = DaemonThreads.singles("parley-desk-feed", THREADS);

    DeskFeed(AgentDesk desk) {
        this.desk = desk;
    }

    AgentDesk desk() {
        return desk;
    }

    /** Sends the agent a frame for each change until the returned handle is closed. */
    Conversations.Subscription follow(Agent agent, Consumer<Object> frames) {
        Follower follower = new Follower(agent, frames,
                reads[Math.floorMod(System.identityHashCode(frames), THREADS)]);
        return desk.subscribe(follower::changed);
    }

    /** Whether the change moves the conversation in this agent's list. */
    static boolean concerns(String agentId, DeskEvent event) {
        if (event.reason() != DeskEvent.Reason.MESSAGE) {
            return true;
        }
        ConversationState state = event.conversation().state();
        return state == ConversationState.NEW
                || (state == ConversationState.ACTIVE && agentId.equals(event.conversation().assignedAgentId()));
    }

    /**
     * Two waiting changes of one conversation as one: the newer conversation, and the reason that says more (then
     * without the newer one's view, which belongs to its reason).
     */
    static DeskEvent merged(DeskEvent waiting, DeskEvent newer) {
        return newer.reason() == DeskEvent.Reason.MESSAGE && waiting.reason() != DeskEvent.Reason.MESSAGE
                ? new DeskEvent(newer.conversation(), waiting.reason())
                : newer;
    }

    /** One agent connection's waiting changes, by conversation. */
    private final class Follower {
        private final Agent agent;
        private final Consumer<Object> frames;
        private final ExecutorService thread;
        private final Map<String, DeskEvent> waiting = new ConcurrentHashMap<>();

        Follower(Agent agent, Consumer<Object> frames, ExecutorService thread) {
            this.agent = agent;
            this.frames = frames;
            this.thread = thread;
        }

        void changed(DeskEvent event) {
            if (!concerns(agent.id(), event)) {
                return;
            }
            String id = event.conversation().id();
            boolean[] first = {false};
            waiting.compute(id, (key, before) -> {
                first[0] = before == null;
                return before == null ? event : merged(before, event);
            });
            if (first[0]) {
                thread.execute(() -> flush(id));
            }
        }

        private void flush(String conversationId) {
            DeskEvent event = waiting.remove(conversationId);
            if (event == null) {
                return;
            }
            try {
                // The agent's own chat with a new message comes as the storing transaction saw it: no read.
                DeskConversation view = event.assigneeView() != null
                        && agent.id().equals(event.conversation().assignedAgentId())
                        ? event.assigneeView()
                        : desk.conversation(agent.id(), conversationId);
                frames.accept(Map.of("type", "desk", "reason", event.reason().name(), "conversation",
                        Json.DeskConversationView.of(view)));
            } catch (ChatException | IllegalStateException e) {
                LOG.debug("No desk frame for conversation {}", conversationId, e);
            }
        }
    }

    @Override
    public void close() {
        for (ExecutorService executor : reads) {
            executor.shutdownNow();
        }
    }
}
