package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.internal.ChatConversations;
import org.parley.chat.internal.ChatStore;
import org.parley.platform.database.TestDatabase;

/** Gap-free, duplicate-free delivery of one conversation, on the real store (H2). */
class StreamSubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final List<Object> frames = new CopyOnWriteArrayList<>();

    /** The numbers of the message frames, each read back from the JSON the connection sends. */
    private List<Long> deliveredSeqs() {
        return frames.stream()
                .filter(MessageFrame.class::isInstance)
                .map(frame -> {
                    MessageFrame made = (MessageFrame) frame;
                    JsonNode sent = read(made.json());
                    assertEquals("message", sent.path("type").asText());
                    assertEquals(made.seq(), sent.path("message").path("seq").asLong());
                    return made.seq();
                })
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void catchesUpFromTheClientsLastSeqThenDeliversLiveMessagesOnce() {
        try (TestDatabase db = TestDatabase.h2()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            for (int i = 1; i <= 3; i++) {
                chat.post(conversation.id(), visitor, "m" + i, "text " + i);
            }
            StreamSubscription subscription = new StreamSubscription(chat, conversation.id(), 1, frames::add, JSON);
            subscription.start();
            chat.post(conversation.id(), visitor, "m4", "text 4");
            chat.post(conversation.id(), visitor, "m4", "text 4"); // a resend: stored once, not pushed again
            subscription.close();
            chat.post(conversation.id(), visitor, "m5", "after close");

            assertEquals(List.of(2L, 3L, 4L), deliveredSeqs());
            assertEquals("subscribed", ((Map<?, ?>) frames.get(2)).get("type"), "catch-up ends before live messages");
        }
    }

    @Test
    void aMessageGoingToSeveralConnectionsIsSerializedOnce() {
        try (TestDatabase db = TestDatabase.h2()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            List<Object> agents = new CopyOnWriteArrayList<>();
            StreamSubscription visitors = new StreamSubscription(chat, conversation.id(), 0, frames::add, JSON);
            StreamSubscription agent = new StreamSubscription(chat, conversation.id(), 0, agents::add, JSON);
            visitors.start();
            agent.start();
            chat.post(conversation.id(), Sender.visitor(conversation.visitorId()), "m1", "<b>hi</b> \"you\"");

            MessageFrame sent = (MessageFrame) frames.get(frames.size() - 1);
            assertSame(sent, agents.get(agents.size() - 1), "one frame for both connections");
            JsonNode message = read(sent.json()).path("message");
            assertEquals("<b>hi</b> \"you\"", message.path("text").asText(), "the text as written, JSON-escaped");
            assertEquals("m1", message.path("clientMessageId").asText());
            assertEquals("VISITOR", message.path("sender").path("type").asText());
            visitors.close();
            agent.close();
        }
    }

    @Test
    void aMessagePublishedAheadOfItsPredecessorIsDeliveredInOrder() {
        try (TestDatabase db = TestDatabase.h2()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            Message first = chat.post(conversation.id(), visitor, "a", "first").message();
            Message second = chat.post(conversation.id(), visitor, "b", "second").message();
            // Two writers committed 1 and 2 at once, and 2's publication overtook 1's.
            StreamSubscription subscription = new StreamSubscription(chat, conversation.id(), 0, frames::add, JSON);
            subscription.stored(second);
            subscription.stored(first);
            subscription.stored(second);

            assertEquals(List.of(1L, 2L), deliveredSeqs());
        }
    }
}
