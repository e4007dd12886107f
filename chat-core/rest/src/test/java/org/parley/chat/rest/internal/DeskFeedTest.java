package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Sender;
import org.parley.chat.internal.ChatConversations;
import org.parley.chat.internal.ChatDesk;
import org.parley.chat.internal.ChatStore;
import org.parley.platform.database.TestDatabase;

/** Desk frames on the real store: who gets them, and that a burst of messages does not pile up frames. */
class DeskFeedTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void messagesOfAnActiveChatGoToItsAgentOnlyAndBurstsAreMerged(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations conversations = new ChatConversations(store);
            ChatDesk desk = new ChatDesk(store);
            SqlAgentDirectory directory = new SqlAgentDirectory(new AgentDatabase(db.connection()), Clock.systemUTC());
            Agent jane = directory.create(new NewAgent("Jane Doe", "jane", "secret-jane", null, AccessLevel.LIMITED));
            Agent sam = directory.create(new NewAgent("Sam", "sam", "secret-sam", null, AccessLevel.LIMITED));
            List<Map<?, ?>> janes = new CopyOnWriteArrayList<>();
            List<Map<?, ?>> sams = new CopyOnWriteArrayList<>();
            try (DeskFeed feed = new DeskFeed(desk);
                    Conversations.Subscription j = feed.follow(jane, frame -> janes.add((Map<?, ?>) frame));
                    Conversations.Subscription s = feed.follow(sam, frame -> sams.add((Map<?, ?>) frame))) {
                Conversation chat = conversations.open(conversations.createVisitor().visitor().id());
                awaitFrames(janes, 1);
                awaitFrames(sams, 1);
                assertEquals("OPENED", janes.get(0).get("reason"), "a new chat reaches every agent");
                assertEquals("OPENED", sams.get(0).get("reason"));

                desk.take(chat.id(), jane);
                awaitFrames(sams, 2);
                assertEquals("TAKEN", sams.get(1).get("reason"), "state changes reach every agent");
                int samsBefore = sams.size();
                int janesBefore = janes.size();

                for (int i = 1; i <= 40; i++) {
                    conversations.post(chat.id(), Sender.visitor(chat.visitorId()), "m" + i, "Message " + i);
                }
                awaitLastMessage(janes, "Message 40");
                int janesFrames = janes.size() - janesBefore;
                assertTrue(janesFrames >= 1 && janesFrames <= 40, "one frame per message at most: " + janesFrames);
                Json.DeskConversationView last = (Json.DeskConversationView) janes.get(janes.size() - 1).get("conversation");
                assertEquals("NEW_MESSAGES", last.deskState());
                Thread.sleep(200);
                assertEquals(samsBefore, sams.size(), "another agent's list does not move for messages in Jane's chat");
            }
        }
    }

    private static void awaitFrames(List<Map<?, ?>> frames, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (frames.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(frames.size() >= count, "expected " + count + " frames, got " + frames);
    }

    private static void awaitLastMessage(List<Map<?, ?>> frames, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!frames.isEmpty()) {
                Json.DeskConversationView view =
                        (Json.DeskConversationView) frames.get(frames.size() - 1).get("conversation");
                if (view.lastMessage() != null && text.equals(view.lastMessage().text())) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no frame showed " + text + ": " + frames);
    }
}
