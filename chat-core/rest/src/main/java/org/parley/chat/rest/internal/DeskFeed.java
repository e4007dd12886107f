package org.parley.chat.rest.internal;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.parley.agent.api.Agent;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.DeskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns desk events into {@code desk} frames for agents' connections. Each frame shows the conversation as that
 * agent sees it (state and unread count), which takes a read of the store; the reads run on one thread of their own,
 * so that the thread storing a message never waits for them, and each connection gets its frames in the order the
 * changes were published.
 */
final class DeskFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskFeed.class);

    private final AgentDesk desk;
    private final ExecutorService reads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-desk-feed");
        thread.setDaemon(true);
        return thread;
    });

    DeskFeed(AgentDesk desk) {
        this.desk = desk;
    }

    AgentDesk desk() {
        return desk;
    }

    /** Sends the agent a frame for each change until the returned handle is closed. */
    Conversations.Subscription follow(AgentStream agent, Consumer<Object> frames) {
        return desk.subscribe(event -> reads.execute(() -> send(agent.agent(), event, frames)));
    }

    private void send(Agent agent, DeskEvent event, Consumer<Object> frames) {
        try {
            frames.accept(Map.of("type", "desk", "reason", event.reason().name(), "conversation",
                    Json.DeskConversationView.of(desk.conversation(agent.id(), event.conversation().id()))));
        } catch (ChatException | IllegalStateException e) {
            LOG.debug("No desk frame for conversation {}", event.conversation().id(), e);
        }
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }
}
