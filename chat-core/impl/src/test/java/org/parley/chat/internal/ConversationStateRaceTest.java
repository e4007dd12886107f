package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.parley.agent.api.Agent;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.Message;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;
import org.parley.platform.testing.Race;

/**
 * Messages racing a change of the conversation's state: the counter row that every message and every change updates
 * puts each message before the change or after it, never in between, on H2 and PostgreSQL.
 */
class ConversationStateRaceTest {
    private static final int RACERS = 8;

    @OnEachDatabase
    void noMessageLandsInAChatAfterItsCloseNotice(ChatDatabase kind) throws Exception {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = chat.agent("jane");
            for (int round = 0; round < 6; round++) {
                Conversation conversation = chat.newConversation();
                chat.desk.take(conversation.id(), jane);
                Sender visitor = Sender.visitor(conversation.visitorId());
                // Racer 0 closes; the odd ones are the agent answering, the even ones the visitor writing.
                List<Object> outcomes = Race.run(RACERS, i -> () -> i == 0 ? chat.desk.close(conversation.id(), jane)
                        : i % 2 == 1 ? chat.desk.reply(conversation.id(), jane, "a" + i, "answer " + i)
                        : chat.conversations.post(conversation.id(), visitor, "v" + i, "question " + i));

                assertInstanceOf(Conversation.class, outcomes.get(0), outcomes.toString());
                List<Message> stored = chat.conversations.messagesAfter(conversation.id(), 0, 100);
                assertGapless(stored);
                Message notice = stored.get(stored.size() - 1);
                assertEquals("Agent jane closed the chat", notice.text(), "the notice is last: " + stored);
                for (int i = 1; i < RACERS; i++) {
                    Object outcome = outcomes.get(i);
                    if (i % 2 == 1 && outcome instanceof ChatException refused) {
                        assertEquals(ChatException.Reason.CLOSED, refused.reason(), "racer " + i);
                        continue;
                    }
                    Message message = assertInstanceOf(PostedMessage.class, outcome, "racer " + i).message();
                    if (message.conversationId().equals(conversation.id())) {
                        assertTrue(message.seq() < notice.seq(), "stored before the close: " + message);
                    } else {
                        // A visitor writing after the close continues in the chat that follows.
                        assertEquals(0, i % 2, "only a visitor's message moves on: " + message);
                        Conversation next = chat.conversations.find(message.conversationId()).orElseThrow();
                        assertEquals(conversation.visitorId(), next.visitorId());
                        assertEquals(ConversationState.NEW, next.state());
                    }
                }
            }
        }
    }

    @OnEachDatabase
    void noAnswerOfALeavingAgentLandsAfterTheRequeueNotice(ChatDatabase kind) throws Exception {
        try (TestChat chat = new TestChat(kind)) {
            for (int round = 0; round < 6; round++) {
                Agent leaving = chat.agent("leaving" + round);
                Conversation conversation = chat.newConversation();
                chat.desk.take(conversation.id(), leaving);
                List<Object> outcomes = Race.run(RACERS, i -> () -> {
                    if (i == 0) {
                        chat.agents.delete(List.of(leaving.id()));
                        return "deleted";
                    }
                    return chat.desk.reply(conversation.id(), leaving, "a" + i, "answer " + i);
                });

                List<Message> stored = chat.conversations.messagesAfter(conversation.id(), 0, 100);
                assertGapless(stored);
                Message notice = stored.get(stored.size() - 1);
                assertEquals("Agent leaving" + round + " left; the chat is back in the queue", notice.text(),
                        "the notice is last: " + stored);
                assertEquals(ConversationState.NEW, chat.conversations.find(conversation.id()).orElseThrow().state());
                for (int i = 1; i < RACERS; i++) {
                    Object outcome = outcomes.get(i);
                    if (outcome instanceof ChatException refused) {
                        assertEquals(ChatException.Reason.FORBIDDEN, refused.reason(), "racer " + i);
                    } else {
                        Message message = assertInstanceOf(PostedMessage.class, outcome, "racer " + i).message();
                        assertTrue(message.seq() < notice.seq(), "stored before the requeue: " + message);
                    }
                }
            }
        }
    }

    private static void assertGapless(List<Message> stored) {
        assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(),
                stored.stream().map(Message::seq).toList(), stored.toString());
    }
}
