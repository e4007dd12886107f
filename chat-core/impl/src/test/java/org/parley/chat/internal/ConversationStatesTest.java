package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.Agent;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.DeskConversation;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.PostedMessage;
import org.parley.chat.api.Sender;

/**
 * What a message's writer keeps of a conversation between its messages (on an H2 file) never lets a message through
 * that the database would refuse, and counts on exactly as the database does: each change made elsewhere (a block, a
 * take, a read mark, a close) is seen by the next message. The same steps run on every database, with and without it.
 */
class ConversationStatesTest {

    @OnEachDatabase
    void everyChangeMadeElsewhereReachesTheNextMessage(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Agent ann = TestChat.agent("ann", true, null);
            Agent bob = TestChat.agent("bob", true, null);
            List<DeskEvent> events = new CopyOnWriteArrayList<>();
            chat.desk.subscribe(events::add);
            Conversation conversation = chat.newConversation();
            String id = conversation.id();
            Sender visitor = Sender.visitor(conversation.visitorId());
            assertEquals(1, chat.conversations.post(id, visitor, "v1", "one").message().seq());
            assertEquals(2, chat.conversations.post(id, visitor, "v2", "two").message().seq());

            chat.visitors.setBlocked(conversation.visitorId(), true, ann.id());
            assertEquals(ChatException.Reason.BLOCKED, assertThrows(ChatException.class,
                    () -> chat.conversations.post(id, visitor, "v3", "blocked")).reason());
            chat.visitors.setBlocked(conversation.visitorId(), false, ann.id());
            assertEquals(3, chat.conversations.post(id, visitor, "v3", "three").message().seq(), "no gap");

            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.desk.reply(id, ann, "a0", "before taking")).reason());
            chat.desk.take(id, ann); // the notice is number 4
            assertEquals(5, chat.conversations.post(id, visitor, "v5", "five").message().seq());
            chat.desk.markSeen(id, ann.id(), 5);
            chat.conversations.post(id, visitor, "v6", "six");
            DeskConversation view = events.get(events.size() - 1).assigneeView();
            assertEquals(1, view.unread(), "the mark at 5 counts: only six is new");
            assertEquals(chat.desk.conversation(ann.id(), id), view, "as the agent's own read shows it");

            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.desk.reply(id, bob, "b1", "not mine")).reason());
            assertEquals(7, chat.desk.reply(id, ann, "a1", "Hello").message().seq());
            assertEquals(0, events.get(events.size() - 1).assigneeView().unread(), "answering marks all seen");

            chat.store.writeHeld(); // a retry then finds the first copy in the table
            PostedMessage retry = chat.conversations.post(id, visitor, "v2", "two again");
            assertFalse(retry.created());
            assertEquals(2, retry.message().seq());
            assertEquals("two", retry.message().text());

            chat.desk.close(id, ann);
            assertEquals(ChatException.Reason.CLOSED, assertThrows(ChatException.class,
                    () -> chat.desk.reply(id, ann, "a2", "after the close")).reason());
            PostedMessage after = chat.conversations.post(id, visitor, "v9", "still there?");
            assertNotEquals(id, after.message().conversationId(), "a new chat follows the closed one");
            assertEquals(8, chat.conversations.find(id).orElseThrow().lastSeq(), "the close notice is the last");
        }
    }

    @Test
    void aWriterMayNotPutBackWhatAChangeMadeSinceItRead() {
        ConversationStates states = new ConversationStates();
        ConversationRow row = row("ann", 3);
        long stamp = states.stamp("c1");
        states.forget("c1"); // a block committed while the writer read
        states.put("c1", row, stamp);
        assertNull(states.get("c1"), "read before the change: not kept");

        states.put("c1", row, states.stamp("c1"));
        assertSame(row, states.get("c1"));
        long before = states.stamp("c1");
        states.seen("c1", "visitor", 9);
        assertSame(row, states.get("c1"), "another reader's mark changes nothing kept");
        states.seen("c1", "ann", 5);
        assertEquals(5, states.get("c1").assigneeSeenVisitorMessages, "the assignee's mark moves the count");
        assertEquals(3, row.assigneeSeenVisitorMessages, "the kept row is replaced, not changed");
        states.put("c1", row, before);
        assertNull(states.get("c1"), "a writer that read before the mark moved may not put back the old count");

        long missing = states.stamp("c2");
        states.seen("c2", "ann", 1); // not kept: the mark may be the assignee's, so a writer reading now must read again
        states.put("c2", row, missing);
        assertNull(states.get("c2"));
    }

    private static ConversationRow row(String assignee, long seen) {
        ConversationRow row = new ConversationRow();
        row.id = "c1";
        row.visitorId = "visitor";
        row.state = "ACTIVE";
        row.assignedAgentId = assignee;
        row.assigneeSeenVisitorMessages = seen;
        return row;
    }
}
