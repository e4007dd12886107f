package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.platform.database.TestDatabase;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Message;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;

/**
 * Many senders at once, so that messages are stored together in batches: every conversation still numbers its
 * messages without gaps, each client message id is stored once, refusals in the middle of a batch reach only their
 * own sender, and subscribers get each message once, in order.
 */
class MessageWriterTest {
    private static final int CONVERSATIONS = 6;
    private static final int PER_CONVERSATION = 60;

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void batchesKeepEveryConversationsOrderAndRefuseOnlyTheRefused(ChatDatabase kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations chat = new ChatConversations(store);
            ChatVisitorRecords records = new ChatVisitorRecords(store);
            List<Conversation> open = new ArrayList<>();
            Map<String, List<Long>> delivered = new ConcurrentHashMap<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Conversation conversation = chat.open(chat.createVisitor().visitor().id());
                open.add(conversation);
                List<Long> seqs = new CopyOnWriteArrayList<>();
                delivered.put(conversation.id(), seqs);
                chat.subscribe(conversation.id(), message -> seqs.add(message.seq()));
            }
            Conversation closed = chat.open(chat.createVisitor().visitor().id());
            chat.post(closed.id(), Sender.visitor(closed.visitorId()), "before", "before the close");
            chat.close(closed.id(), Sender.visitor(closed.visitorId()));
            Conversation ofBlocked = chat.open(chat.createVisitor().visitor().id());
            records.setBlocked(ofBlocked.visitorId(), true, "agent-1");

            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<PostedMessage>> sent = new ArrayList<>();
                List<Future<?>> refused = new ArrayList<>();
                for (int n = 0; n < PER_CONVERSATION; n++) {
                    for (Conversation conversation : open) {
                        Sender visitor = Sender.visitor(conversation.visitorId());
                        String clientId = "c" + (n % (PER_CONVERSATION / 2)); // each id twice
                        sent.add(pool.submit(() -> chat.post(conversation.id(), visitor, clientId, "text " + clientId)));
                    }
                    int round = n;
                    // Someone else's conversation, a blocked visitor: refused amid the others.
                    refused.add(pool.submit(() -> chat.post(open.get(0).id(),
                            Sender.visitor(open.get(1).visitorId()), "x" + round, "not mine")));
                    refused.add(pool.submit(() -> chat.post(ofBlocked.id(),
                            Sender.visitor(ofBlocked.visitorId()), "b" + round, "blocked")));
                }
                long created = 0;
                for (Future<PostedMessage> result : sent) {
                    created += result.get().created() ? 1 : 0;
                }
                assertEquals(CONVERSATIONS * PER_CONVERSATION / 2, created);
                for (int i = 0; i < refused.size(); i++) {
                    Exception e = assertThrows(Exception.class, refused.get(i)::get);
                    ChatException chatException = (ChatException) e.getCause();
                    assertEquals(i % 2 == 0 ? ChatException.Reason.NOT_FOUND : ChatException.Reason.BLOCKED,
                            chatException.reason());
                }
            } finally {
                pool.shutdown();
            }
            List<Long> expected = LongStream.rangeClosed(1, PER_CONVERSATION / 2).boxed().toList();
            for (Conversation conversation : open) {
                List<Message> stored = chat.messagesAfter(conversation.id(), 0, 500);
                assertEquals(expected, stored.stream().map(Message::seq).toList());
                assertEquals(expected.size(), stored.stream().map(Message::clientMessageId).distinct().count());
                assertEquals(expected, delivered.get(conversation.id()), "each message pushed once, in order");
            }
            assertEquals(0, chat.messagesAfter(ofBlocked.id(), 0, 10).size());

            // Writing after the close continues in a new conversation, once, however often the message is sent.
            PostedMessage after = chat.post(closed.id(), Sender.visitor(closed.visitorId()), "later", "still there?");
            PostedMessage again = chat.post(closed.id(), Sender.visitor(closed.visitorId()), "later", "still there?");
            assertTrue(after.created());
            assertFalse(again.created());
            assertEquals(after.message(), again.message());
            store.deactivate();
        }
    }
}
