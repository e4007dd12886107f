package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.platform.database.TestDatabase;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;

/** Conversations on a real database, H2 and PostgreSQL. */
class ChatConversationsTest {

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void visitorTokenIsTheKeyToTheVisitor(ChatDatabase kind) {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            NewVisitor created = chat.createVisitor();
            assertEquals(created.visitor(), chat.visitorByToken(created.token()).orElseThrow());
            assertTrue(chat.visitorByToken(created.token() + "x").isEmpty());
            assertTrue(chat.visitorByToken("").isEmpty());
            assertTrue(created.token().length() >= 43, "256 random bits");
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void messagesAreNumberedAndReadBackInOrder(ChatDatabase kind) {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            for (int i = 1; i <= 5; i++) {
                PostedMessage posted = chat.post(conversation.id(), visitor, "m" + i, "Hello <b>" + i + "</b>");
                assertTrue(posted.created());
                assertEquals(i, posted.message().seq());
            }
            List<Message> after2 = chat.messagesAfter(conversation.id(), 2, 100);
            assertEquals(List.of(3L, 4L, 5L), after2.stream().map(Message::seq).toList());
            assertEquals("Hello <b>3</b>", after2.get(0).text());
            assertEquals(visitor, after2.get(0).sender());
            assertEquals(5, chat.find(conversation.id()).orElseThrow().lastSeq());
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void postAsyncReturnsAtOnceAndAnswersOnceStoredOrRefused(ChatDatabase kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations chat = new ChatConversations(store);
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            CompletableFuture<PostedMessage> answer;
            // A change of state under way holds the conversation's writers' lock: the message has to wait behind it.
            try (SqlSession change = store.session()) {
                assertEquals(conversation.id(),
                        change.getMapper(ConversationMapper.class).lockCounter(conversation.id()));
                answer = chat.postAsync(conversation.id(), visitor, "a1", "while locked").toCompletableFuture();
                Thread.sleep(300);
                assertFalse(answer.isDone(), "answered before the message could be stored");
                change.rollback();
            }
            PostedMessage posted = answer.get(10, TimeUnit.SECONDS);
            assertTrue(posted.created());
            assertEquals(1, posted.message().seq());
            assertEquals("while locked", chat.messagesAfter(conversation.id(), 0, 10).get(0).text());

            assertEquals(ChatException.Reason.INVALID, refusal(chat.postAsync(conversation.id(), visitor, "a2", " ")));
            assertEquals(ChatException.Reason.NOT_FOUND, refusal(chat.postAsync(conversation.id(),
                    Sender.visitor(chat.createVisitor().visitor().id()), "a2", "not my conversation")));
            assertEquals(1, chat.find(conversation.id()).orElseThrow().lastSeq(), "nothing stored by the refusals");

            // A visitor writing after the close goes on in the next conversation, as post does, and a resend stays there.
            chat.close(conversation.id(), visitor);
            PostedMessage continued = chat.postAsync(conversation.id(), visitor, "a3", "after the close")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(continued.created());
            assertNotEquals(conversation.id(), continued.message().conversationId());
            PostedMessage resent = chat.postAsync(conversation.id(), visitor, "a3", "after the close")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertFalse(resent.created());
            assertEquals(continued.message(), resent.message());
        }
    }

    private static ChatException.Reason refusal(CompletionStage<PostedMessage> answer) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> answer.toCompletableFuture().get(10, TimeUnit.SECONDS));
        return ((ChatException) failed.getCause()).reason();
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void theSameClientMessageIdIsStoredOnce(ChatDatabase kind) {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            PostedMessage first = chat.post(conversation.id(), visitor, "abc", "hi");
            PostedMessage again = chat.post(conversation.id(), visitor, "abc", "hi");
            assertFalse(again.created());
            assertEquals(first.message(), again.message());
            assertEquals(1, chat.messagesAfter(conversation.id(), 0, 10).size());
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void concurrentWritersGetGaplessNumbersAndDuplicatesStoreOnce(ChatDatabase kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<PostedMessage>> results = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String clientId = "c" + (i % 60); // every id is sent twice, concurrently
                results.add(pool.submit(() -> chat.post(conversation.id(), visitor, clientId, "text " + clientId)));
            }
            long created = 0;
            for (Future<PostedMessage> result : results) {
                created += result.get().created() ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(60, created);
            List<Message> stored = chat.messagesAfter(conversation.id(), 0, 500);
            assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(), stored.stream().map(Message::seq).toList());
            assertEquals(60, stored.stream().map(Message::clientMessageId).distinct().count());
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void badInputIsRefusedAndNothingIsStored(ChatDatabase kind) {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Sender visitor = Sender.visitor(conversation.visitorId());
            ChatException blank = assertThrows(ChatException.class, () -> chat.post(conversation.id(), visitor, null, " "));
            assertEquals("text", blank.field());
            String tooLong = "x".repeat(Conversations.MAX_TEXT_LENGTH + 1);
            ChatException longText = assertThrows(ChatException.class,
                    () -> chat.post(conversation.id(), visitor, null, tooLong));
            assertEquals(ChatException.Reason.INVALID, longText.reason());
            ChatException badId = assertThrows(ChatException.class,
                    () -> chat.post(conversation.id(), visitor, "has space", "hi"));
            assertEquals("clientMessageId", badId.field());
            ChatException unknown = assertThrows(ChatException.class,
                    () -> chat.post("no-such-conversation", visitor, null, "hi"));
            assertEquals(ChatException.Reason.NOT_FOUND, unknown.reason());
            assertEquals(0, chat.find(conversation.id()).orElseThrow().lastSeq());
            assertTrue(chat.messagesAfter(conversation.id(), 0, 10).isEmpty());
            // Exactly the limit is fine, counted in characters, not UTF-16 units.
            String emojiAtLimit = "\uD83D\uDE00".repeat(Conversations.MAX_TEXT_LENGTH);
            assertEquals(1, chat.post(conversation.id(), visitor, null, emojiAtLimit).message().seq());
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void countsTheConversationsOpenedSinceATime(ChatDatabase kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations chat = new ChatConversations(store);
            ChatStatistics statistics = new ChatStatistics(store);
            String visitor = chat.createVisitor().visitor().id();
            chat.open(visitor);
            Thread.sleep(5);
            java.time.Instant between = java.time.Instant.now();
            Thread.sleep(5);
            chat.open(visitor);
            chat.open(visitor);
            assertEquals(3, statistics.conversationsSince(between.minusSeconds(3600)));
            assertEquals(2, statistics.conversationsSince(between));
            assertEquals(0, statistics.conversationsSince(java.time.Instant.now().plusSeconds(60)));
        }
    }

    @ParameterizedTest
    @EnumSource(ChatDatabase.class)
    void subscribersGetEachStoredMessageUntilTheyClose(ChatDatabase kind) {
        try (TestDatabase db = kind.create()) {
            ChatConversations chat = new ChatConversations(new ChatStore(db.connection()));
            Conversation conversation = chat.open(chat.createVisitor().visitor().id());
            Conversation other = chat.open(conversation.visitorId());
            Sender visitor = Sender.visitor(conversation.visitorId());
            List<Message> received = new CopyOnWriteArrayList<>();
            Conversations.Subscription subscription = chat.subscribe(conversation.id(), received::add);
            chat.post(conversation.id(), visitor, "a", "one");
            chat.post(other.id(), visitor, "b", "elsewhere");
            chat.post(conversation.id(), visitor, "a", "one again"); // a duplicate is not delivered again
            subscription.close();
            chat.post(conversation.id(), visitor, "c", "after close");
            assertEquals(List.of("one"), received.stream().map(Message::text).toList());
        }
    }
}
