package org.parley.chat.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;

/**
 * Delivers one conversation to one connection without gaps or duplicates. It subscribes to live messages first and
 * then reads what was stored after the client's last sequence number; from then on it sends each message whose
 * number is the next one, skips what was already sent, and reads the store again when a number is skipped (two
 * messages stored at once may be published out of order).
 */
final class StreamSubscription {
    private static final int PAGE = 200;

    private final Conversations conversations;
    private final String conversationId;
    private final Consumer<Object> frames;
    private final ObjectMapper json;
    private long lastSent;
    private Conversations.Subscription live;

    /**
     * @param frames where the frames for the client go (the connection's send)
     * @param json how message frames are serialized ({@link MessageFrame})
     */
    StreamSubscription(Conversations conversations, String conversationId, long after, Consumer<Object> frames,
            ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
        this.conversationId = conversationId;
        this.lastSent = after;
        this.frames = frames;
    }

    synchronized void start() {
        live = conversations.subscribe(conversationId, this::stored);
        catchUp();
        frames.accept(Map.of("type", "subscribed", "conversationId", conversationId, "lastSeq", lastSent));
    }

    synchronized void stored(Message message) {
        if (message.seq() <= lastSent) {
            return;
        }
        if (message.seq() == lastSent + 1) {
            deliver(message);
        } else {
            catchUp();
        }
    }

    private void catchUp() {
        List<Message> page;
        do {
            page = conversations.messagesAfter(conversationId, lastSent, PAGE);
            page.forEach(this::deliver);
        } while (page.size() == PAGE);
    }

    private void deliver(Message message) {
        frames.accept(MessageFrame.of(message, json));
        lastSent = message.seq();
    }

    synchronized void close() {
        if (live != null) {
            live.close();
        }
    }
}
