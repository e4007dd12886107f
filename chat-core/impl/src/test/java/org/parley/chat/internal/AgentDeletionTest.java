package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.Conversations;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;

/** Deleting agents with the real directory: their open conversations go back to the queue in the same transaction. */
class AgentDeletionTest {

    @OnEachDatabase
    void requeuesExactlyTheOpenConversationsOfTheDeletedAgents(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = chat.agent("jane");
            Agent sam = chat.agent("sam");
            Agent kim = chat.agent("kim");
            Conversation janes = assigned(chat, jane);
            Conversation janesSecond = assigned(chat, jane);
            Conversation sams = assigned(chat, sam);
            Conversation kims = assigned(chat, kim);
            Conversation waiting = chat.newConversation();
            Conversation janesClosed = assigned(chat, jane);
            chat.execute("UPDATE chat_conversation SET state = 'CLOSED' WHERE id = ?", janesClosed.id());
            chat.conversations.post(janes.id(), Sender.agent(jane.id(), jane.displayName()), "a1", "Hello, Jane here");
            assertEquals(3, chat.statistics.openConversationsOf(List.of(jane.id(), sam.id(), jane.id())));
            List<Message> pushed = new CopyOnWriteArrayList<>();
            Conversations.Subscription subscription = chat.conversations.subscribe(janes.id(), pushed::add);

            chat.agents.delete(List.of(jane.id(), sam.id()));

            for (Conversation requeued : List.of(janes, janesSecond, sams)) {
                Conversation now = chat.conversations.find(requeued.id()).orElseThrow();
                assertEquals(ConversationState.NEW, now.state(), "back in the queue");
                assertNull(now.assignedAgentId());
                Message notice = last(chat, requeued.id());
                assertEquals(SenderType.SYSTEM, notice.sender().type());
                assertTrue(notice.text().endsWith(" left; the chat is back in the queue"), notice.text());
            }
            assertEquals("Agent jane left; the chat is back in the queue", last(chat, janes.id()).text());
            assertEquals(kim.id(), chat.conversations.find(kims.id()).orElseThrow().assignedAgentId(), "kim stays");
            assertEquals(ConversationState.ACTIVE, chat.conversations.find(kims.id()).orElseThrow().state());
            assertEquals(waiting, chat.conversations.find(waiting.id()).orElseThrow());
            assertEquals(ConversationState.CLOSED, chat.conversations.find(janesClosed.id()).orElseThrow().state());
            assertEquals(0, chat.statistics.openConversationsOf(List.of(jane.id(), sam.id())));
            assertEquals(List.of(kim), chat.agents.list());

            // Told after the commit; the agent's earlier message keeps the name it was sent with.
            assertEquals(List.of(last(chat, janes.id())), pushed);
            Message janesHello = chat.conversations.messagesAfter(janes.id(), 0, 10).get(0);
            assertEquals(new Sender(SenderType.AGENT, jane.id(), "Agent jane"), janesHello.sender());
            subscription.close();
        }
    }

    @OnEachDatabase
    void aFailingListenerLeavesAgentsAndConversationsUnchanged(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = chat.agent("jane");
            Agent sam = chat.agent("sam");
            Conversation janes = assigned(chat, jane);
            assigned(chat, sam);
            chat.newConversation();
            List<Message> pushed = new CopyOnWriteArrayList<>();
            chat.conversations.subscribe(janes.id(), pushed::add);
            // Called after chat core's requeue, in the same transaction: its refusal undoes the requeue too.
            AgentDeletionListener refusing = (agents, connection) -> {
                throw new IllegalStateException("the other bundle cannot let go of these agents");
            };
            chat.agents.addDeletionListener(refusing);
            String before = chat.contents();
            List<Agent> agentsBefore = chat.agents.list();

            assertThrows(IllegalStateException.class, () -> chat.agents.delete(List.of(jane.id(), sam.id())));

            assertEquals(agentsBefore, chat.agents.list());
            assertEquals(before, chat.contents(), "conversations and messages unchanged");
            assertEquals(List.of(), pushed, "no notice for a deletion that did not happen");
            assertEquals(2, chat.statistics.openConversationsOf(List.of(jane.id(), sam.id())));
        }
    }

    @OnEachDatabase
    void chatsOfAgentsDeletedWhileChatCoreWasAwayAreRequeuedWhenItStarts(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = chat.agent("jane");
            Agent kim = chat.agent("kim");
            Conversation janes = assigned(chat, jane);
            Conversation kims = assigned(chat, kim);
            chat.conversations.post(janes.id(), Sender.agent(jane.id(), "Jane at the time"), null, "Hello");
            chat.agents.removeDeletionListener(chat.requeue); // chat core is not running
            chat.agents.delete(List.of(jane.id()));
            assertEquals(jane.id(), chat.conversations.find(janes.id()).orElseThrow().assignedAgentId());

            new OrphanedConversations(chat.store, chat.agents); // chat core starts

            Conversation requeued = chat.conversations.find(janes.id()).orElseThrow();
            assertEquals(ConversationState.NEW, requeued.state());
            assertEquals("Jane at the time left; the chat is back in the queue", last(chat, janes.id()).text());
            assertEquals(ConversationState.ACTIVE, chat.conversations.find(kims.id()).orElseThrow().state());
            assertEquals(0, OrphanedConversations.requeue(chat.store, chat.agents), "nothing left to do");
        }
    }

    /** A conversation the agent has: set in the table, as taking it will. */
    private static Conversation assigned(TestChat chat, Agent agent) {
        Conversation conversation = chat.newConversation();
        chat.execute("UPDATE chat_conversation SET state = 'ACTIVE', assigned_agent_id = ? WHERE id = ?", agent.id(),
                conversation.id());
        return conversation;
    }

    private static Message last(TestChat chat, String conversationId) {
        List<Message> messages = chat.conversations.messagesAfter(conversationId, 0, 100);
        return messages.get(messages.size() - 1);
    }
}
