package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.agent.api.Agent;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.ConversationState;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.DeskState;
import org.parley.chat.api.Message;
import org.parley.chat.api.Sender;
import org.parley.chat.api.SenderType;
import org.parley.platform.testing.Race;

/** The agents' side of a conversation's life, on H2 and PostgreSQL. */
class DeskTest {

    @OnEachDatabase
    void ofAgentsTakingTheSameChatAtOnceExactlyOneGetsIt(ChatDatabase kind) throws Exception {
        try (TestChat chat = new TestChat(kind)) {
            List<Agent> agents = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                agents.add(TestChat.agent("a" + i, true, null));
            }
            for (int round = 0; round < 5; round++) {
                Conversation conversation = chat.newConversation();
                List<Object> outcomes = Race.run(agents.size(), i -> () -> chat.desk.take(conversation.id(),
                        agents.get(i)));

                List<Object> taken = outcomes.stream().filter(Conversation.class::isInstance).toList();
                assertEquals(1, taken.size(), outcomes.toString());
                for (Object outcome : outcomes) {
                    if (!(outcome instanceof Conversation)) {
                        ChatException refused = (ChatException) outcome;
                        assertEquals(ChatException.Reason.CONFLICT, refused.reason());
                        assertEquals("Another agent took this chat first", refused.getMessage());
                    }
                }
                Conversation stored = chat.conversations.find(conversation.id()).orElseThrow();
                assertEquals(ConversationState.ACTIVE, stored.state());
                assertEquals(((Conversation) taken.get(0)).assignedAgentId(), stored.assignedAgentId());
                List<Message> messages = chat.conversations.messagesAfter(conversation.id(), 0, 10);
                assertEquals(1, messages.size(), "one join notice: " + messages);
            }
        }
    }

    @OnEachDatabase
    void anAgentTakesNoMoreChatsThanTheirLimitEvenAtOnce(ChatDatabase kind) throws Exception {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = TestChat.agent("jane", true, 2);
            List<Conversation> waiting = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                waiting.add(chat.newConversation());
            }
            List<Object> outcomes = Race.run(waiting.size(), i -> () -> chat.desk.take(waiting.get(i).id(), jane));

            assertEquals(2, outcomes.stream().filter(Conversation.class::isInstance).count(), outcomes.toString());
            ChatException refused = (ChatException) outcomes.stream()
                    .filter(ChatException.class::isInstance).findFirst().orElseThrow();
            assertEquals(ChatException.Reason.CONFLICT, refused.reason());
            assertTrue(refused.getMessage().contains("limit of 2"), refused.getMessage());
            assertEquals(2, chat.statistics.openConversationsOf(List.of(jane.id())));

            Conversation mine = (Conversation) outcomes.stream().filter(Conversation.class::isInstance).findFirst()
                    .orElseThrow();
            assertEquals(mine.id(), chat.desk.take(mine.id(), jane).id(), "taking one's own chat again is fine");
            chat.desk.close(mine.id(), jane);
            Conversation next = waiting.stream().filter(c -> chat.conversations.find(c.id()).orElseThrow().state()
                    == ConversationState.NEW).findFirst().orElseThrow();
            assertEquals(jane.id(), chat.desk.take(next.id(), jane).assignedAgentId(), "room again after a close");
        }
    }

    @OnEachDatabase
    void theVisitorsSeenMarkRisesOnlyAndLeavesTheAgentsUnreadCountsAlone(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent ann = TestChat.agent("ann", true, null);
            Conversation conversation = chat.newConversation();
            chat.desk.take(conversation.id(), ann);
            chat.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), "v1", "Hello");
            chat.desk.reply(conversation.id(), ann, "a1", "Hi, how can I help?");
            chat.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), "v2", "Shoes");

            assertEquals(3, chat.conversations.markSeenByVisitor(conversation.id(), 3));
            assertEquals(3, chat.conversations.markSeenByVisitor(conversation.id(), 1), "a lower mark changes nothing");
            assertEquals(4, chat.conversations.markSeenByVisitor(conversation.id(), 4));
            ChatException tooFar = assertThrows(ChatException.class,
                    () -> chat.conversations.markSeenByVisitor(conversation.id(), 5));
            assertEquals("seq", tooFar.field());
            assertEquals(ChatException.Reason.NOT_FOUND, assertThrows(ChatException.class,
                    () -> chat.conversations.markSeenByVisitor("no-such-conversation", 1)).reason());
            assertEquals(1, chat.desk.conversation(ann.id(), conversation.id()).unread(),
                    "the agent has read up to their reply; the visitor's mark is not theirs");
            assertEquals(new org.parley.chat.api.SeenMarks(4, 3), chat.conversations.seenMarks(conversation.id()));
            chat.desk.markSeen(conversation.id(), "another-agent", 4);
            assertEquals(new org.parley.chat.api.SeenMarks(4, 4), chat.conversations.seenMarks(conversation.id()));
            assertEquals(new org.parley.chat.api.SeenMarks(0, 0),
                    chat.conversations.seenMarks(chat.newConversation().id()));
        }
    }

    @OnEachDatabase
    void inactiveAgentsReadButDoNotChat(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent resting = TestChat.agent("resting", false, null);
            Conversation conversation = chat.newConversation();
            for (Runnable chatting : List.<Runnable>of(() -> chat.desk.take(conversation.id(), resting),
                    () -> chat.desk.reply(conversation.id(), resting, null, "hi"),
                    () -> chat.desk.close(conversation.id(), resting))) {
                assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class, chatting::run).reason());
            }
            assertEquals(DeskState.NEW_CHAT, chat.desk.conversation(resting.id(), conversation.id()).deskState());
            assertEquals(conversation, chat.conversations.find(conversation.id()).orElseThrow());
        }
    }

    @OnEachDatabase
    void eachConversationIsInExactlyOneStateForEachAgent(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = TestChat.agent("jane", true, null);
            Agent sam = TestChat.agent("sam", true, null);
            Conversation queued = chat.newConversation();
            Conversation quiet = chat.newConversation();
            Conversation busy = chat.newConversation();
            Conversation samsChat = chat.newConversation();
            Conversation ended = chat.newConversation();
            for (Conversation c : List.of(quiet, busy, ended)) {
                chat.desk.take(c.id(), jane);
            }
            chat.desk.take(samsChat.id(), sam);
            chat.desk.reply(quiet.id(), jane, null, "How can I help?");
            visitorWrites(chat, busy, "Hello?");
            visitorWrites(chat, busy, "Anyone there?");
            chat.desk.close(ended.id(), jane);

            Map<String, DeskConversation> list = chat.desk.conversations(jane.id(), 100).stream()
                    .collect(Collectors.toMap(d -> d.conversation().id(), Function.identity()));
            assertEquals(DeskState.NEW_CHAT, list.get(queued.id()).deskState());
            assertEquals(DeskState.ACTIVE, list.get(quiet.id()).deskState());
            assertEquals(DeskState.NEW_MESSAGES, list.get(busy.id()).deskState());
            assertEquals(2, list.get(busy.id()).unread());
            assertEquals("Anyone there?", list.get(busy.id()).lastMessage().text());
            assertEquals(DeskState.NOT_IN_CONVERSATION, list.get(samsChat.id()).deskState());
            assertEquals(DeskState.NOT_IN_CONVERSATION, list.get(ended.id()).deskState());
            assertEquals(DeskState.ACTIVE, chat.desk.conversation(sam.id(), samsChat.id()).deskState());
            assertEquals(java.util.Set.of(queued.id(), quiet.id(), busy.id()), chat.desk.conversations(jane.id(), 100)
                    .stream().limit(3).map(d -> d.conversation().id()).collect(Collectors.toSet()),
                    "the queue and the agent's own chats come first");

            long last = chat.conversations.find(busy.id()).orElseThrow().lastSeq();
            chat.desk.markSeen(busy.id(), jane.id(), last - 1);
            assertEquals(1, chat.desk.conversation(jane.id(), busy.id()).unread());
            chat.desk.markSeen(busy.id(), jane.id(), last);
            chat.desk.markSeen(busy.id(), jane.id(), 1); // lower: changes nothing
            assertEquals(DeskState.ACTIVE, chat.desk.conversation(jane.id(), busy.id()).deskState());
            assertEquals("seq", assertThrows(ChatException.class,
                    () -> chat.desk.markSeen(busy.id(), jane.id(), last + 1)).field());
        }
    }

    @OnEachDatabase
    void theListPutsTheQueueAndOwnChatsFirstThenTheRestEachNewestFirstWithinTheLimit(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = TestChat.agent("jane", true, null);
            Agent sam = TestChat.agent("sam", true, null);
            Conversation endedOld = chat.newConversation();
            chat.desk.take(endedOld.id(), sam);
            chat.desk.close(endedOld.id(), sam);
            Conversation queuedOld = chat.newConversation();
            Conversation samsChat = chat.newConversation();
            chat.desk.take(samsChat.id(), sam);
            Conversation janesQuiet = chat.newConversation();
            chat.desk.take(janesQuiet.id(), jane);
            Conversation endedNew = chat.newConversation();
            chat.desk.take(endedNew.id(), jane);
            chat.desk.close(endedNew.id(), jane);
            Conversation queuedNew = chat.newConversation();
            Conversation janesBusy = chat.newConversation();
            chat.desk.take(janesBusy.id(), jane);
            visitorWrites(chat, janesBusy, "Still there?");

            assertEquals(ids(janesBusy, queuedNew, janesQuiet, queuedOld, endedNew, samsChat, endedOld),
                    listed(chat, jane, 100), "the queue and Jane's chats, then the rest; each part newest first");
            assertEquals(ids(janesBusy, queuedNew, janesQuiet, queuedOld, endedNew), listed(chat, jane, 5));
            assertEquals(ids(janesBusy, queuedNew, janesQuiet), listed(chat, jane, 3));
            assertEquals(ids(queuedNew, samsChat, queuedOld, janesBusy, endedNew, janesQuiet, endedOld),
                    listed(chat, sam, 100), "the same chats as Sam's list orders them");
            assertEquals(ids(queuedNew), listed(chat, sam, 1));
        }
    }

    private static List<String> listed(TestChat chat, Agent agent, int limit) {
        return chat.desk.conversations(agent.id(), limit).stream().map(d -> d.conversation().id()).toList();
    }

    private static List<String> ids(Conversation... conversations) {
        return java.util.Arrays.stream(conversations).map(Conversation::id).toList();
    }

    @OnEachDatabase
    void takingAnsweringAndClosingLeaveNamedMessagesAndAVisitorWritingAgainStartsANewChat(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent jane = TestChat.agent("jane", true, null);
            Agent sam = TestChat.agent("sam", true, null);
            List<DeskEvent> events = new CopyOnWriteArrayList<>();
            chat.desk.subscribe(events::add);
            Conversation first = chat.newConversation();
            visitorWrites(chat, first, "My parcel is late");
            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.desk.reply(first.id(), jane, null, "before taking")).reason());
            chat.desk.take(first.id(), jane);
            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.desk.reply(first.id(), sam, null, "not mine")).reason());
            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.desk.close(first.id(), sam)).reason());
            chat.desk.reply(first.id(), jane, "r1", "Let me check");
            Conversation closed = chat.desk.close(first.id(), jane);
            assertEquals(ConversationState.CLOSED, closed.state());
            assertEquals(jane.id(), closed.assignedAgentId());
            assertEquals(ChatException.Reason.CLOSED, assertThrows(ChatException.class,
                    () -> chat.desk.close(first.id(), jane)).reason());

            List<Message> history = chat.conversations.messagesAfter(first.id(), 0, 10);
            assertEquals(List.of("My parcel is late", "Agent jane joined the chat", "Let me check",
                    "Agent jane closed the chat"), history.stream().map(Message::text).toList());
            assertEquals(new Sender(SenderType.AGENT, jane.id(), "Agent jane"), history.get(2).sender());
            assertEquals(SenderType.SYSTEM, history.get(3).sender().type());

            // Writing after the close, twice with the same client id as a retry would: one new chat, one message.
            Message again = visitorWrites(chat, first, "Still late", "v-again");
            Message retried = visitorWrites(chat, first, "Still late", "v-again");
            assertEquals(again, retried);
            assertNotEquals(first.id(), again.conversationId());
            Conversation second = chat.conversations.find(again.conversationId()).orElseThrow();
            assertEquals(ConversationState.NEW, second.state());
            assertEquals(first.visitorId(), second.visitorId());
            assertEquals(List.of(second.id(), first.id()), chat.desk.conversationsOfVisitor(sam.id(),
                    first.visitorId()).stream().map(d -> d.conversation().id()).toList(), "newest first");
            assertEquals(4, chat.conversations.messagesAfter(first.id(), 0, 10).size(), "the closed one is kept");

            Conversation third = chat.newConversation();
            chat.conversations.close(third.id(), Sender.visitor(third.visitorId()));
            assertEquals("The visitor closed the chat",
                    chat.conversations.messagesAfter(third.id(), 0, 10).get(0).text());

            assertEquals(List.of(DeskEvent.Reason.OPENED, DeskEvent.Reason.MESSAGE, DeskEvent.Reason.MESSAGE,
                    DeskEvent.Reason.TAKEN, DeskEvent.Reason.MESSAGE, DeskEvent.Reason.MESSAGE,
                    DeskEvent.Reason.CLOSED, DeskEvent.Reason.OPENED, DeskEvent.Reason.MESSAGE),
                    events.stream().filter(e -> !e.conversation().id().equals(third.id()))
                            .map(DeskEvent::reason).toList());
        }
    }

    private static Message visitorWrites(TestChat chat, Conversation conversation, String text) {
        return visitorWrites(chat, conversation, text, null);
    }

    @OnEachDatabase
    void aMessageCarriesItsConversationAsTheAssignedAgentsListShowsIt(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent ann = TestChat.agent("ann", true, null);
            List<DeskEvent> events = new CopyOnWriteArrayList<>();
            chat.desk.subscribe(events::add);
            Conversation conversation = chat.newConversation();
            visitorWrites(chat, conversation, "In the queue");
            assertEquals(null, events.get(events.size() - 1).assigneeView(), "no agent has it yet");
            chat.desk.take(conversation.id(), ann);
            for (String text : List.of("one", "two", "three")) {
                visitorWrites(chat, conversation, text);
                DeskEvent event = events.get(events.size() - 1);
                assertEquals(DeskEvent.Reason.MESSAGE, event.reason());
                assertEquals(chat.desk.conversation(ann.id(), conversation.id()), event.assigneeView(),
                        "the same as the agent's own read");
            }
            assertEquals(4, events.get(events.size() - 1).assigneeView().unread());
            chat.desk.markSeen(conversation.id(), ann.id(), 3);
            chat.desk.reply(conversation.id(), ann, "r1", "Hello!");
            assertEquals(0, events.get(events.size() - 1).assigneeView().unread(), "answering marks all seen");
            visitorWrites(chat, conversation, "four");
            DeskConversation seen = events.get(events.size() - 1).assigneeView();
            assertEquals(chat.desk.conversation(ann.id(), conversation.id()), seen);
            assertEquals(1, seen.unread());
            assertEquals(DeskState.NEW_MESSAGES, seen.deskState());
            assertEquals("four", seen.lastMessage().text());
        }
    }

    private static Message visitorWrites(TestChat chat, Conversation conversation, String text, String clientId) {
        return chat.conversations.post(conversation.id(), Sender.visitor(conversation.visitorId()), clientId, text)
                .message();
    }
}
