package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private final List<Object> frames = new CopyOnWriteArrayList<>();

    private List<Long> deliveredSeqs() {
        return frames.stream()
                .map(frame -> (Map<?, ?>) frame)
                .filter(frame -> "message".equals(frame.get("type")))
                .map(frame -> ((Json.MessageView) frame.get("message")).seq())
                .toList();
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
            StreamSubscription subscription = new StreamSubscription(chat, conversation.id(), 1, frames::add);
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
    void aMessagePublishedAheadOfItsPredecessorIsDeliveredInOrder() {
        try (TestDatabase db = TestDatabase.h2()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            Message first = chat.post(conversation.id(), visitor, "a", "first").message();
            Message second = chat.post(conversation.id(), visitor, "b", "second").message();
            // Two writers committed 1 and 2 at once, and 2's publication overtook 1's.
            StreamSubscription subscription = new StreamSubscription(chat, conversation.id(), 0, frames::add);
            subscription.stored(second);
            subscription.stored(first);
            subscription.stored(second);

            assertEquals(List.of(1L, 2L), deliveredSeqs());
        }
    }
}
