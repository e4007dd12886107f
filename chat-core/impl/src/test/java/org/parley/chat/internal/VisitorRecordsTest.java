package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.PageView;
import org.parley.chat.api.Sender;
import org.parley.chat.api.VisitorNote;
import org.parley.chat.api.VisitorOrigin;
import org.parley.chat.api.VisitorRecord;
import org.parley.chat.api.VisitorRecords;

class VisitorRecordsTest {
    private static final VisitorOrigin ORIGIN = new VisitorOrigin("203.0.113.9", "Mozilla/5.0", "DE", "Berlin");

    @OnEachDatabase
    void namesEmailsAndTheirRefusalsNameTheField(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            String id = chat.conversations.createVisitor().visitor().id();
            VisitorRecord fresh = chat.visitors.find(id).orElseThrow();
            assertNull(fresh.name());
            assertEquals(0, fresh.visits());
            assertFalse(fresh.blocked());

            VisitorRecord named = chat.visitors.identify(id, "  Jane Doe ", "jane@example.com");
            assertEquals("Jane Doe", named.name());
            assertEquals("jane@example.com", named.email());
            assertEquals("name", field(() -> chat.visitors.identify(id, "x".repeat(101), null)));
            assertEquals("email", field(() -> chat.visitors.identify(id, "Jane", "not-an-address")));
            assertEquals("email", field(() -> chat.visitors.identify(id, "Jane", "jane@localhost")));
            assertEquals("Jane Doe", chat.visitors.find(id).orElseThrow().name(), "a refusal changes nothing");
            assertNull(chat.visitors.identify(id, "", null).name(), "blank clears");
            assertEquals(ChatException.Reason.NOT_FOUND,
                    assertThrows(ChatException.class, () -> chat.visitors.identify("nobody", null, null)).reason());
            assertTrue(chat.visitors.find("nobody").isEmpty());
        }
    }

    @OnEachDatabase
    void pageViewsCountVisitsAndKeepTheNewest(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            String id = chat.conversations.createVisitor().visitor().id();
            VisitorRecord first = chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/", "Home", "https://search.example/?q=shoes", null), ORIGIN);
            assertEquals(1, first.visits());
            assertEquals("https://search.example/?q=shoes", first.referrer());
            assertEquals("203.0.113.9", first.ip());
            assertEquals("Berlin", first.city());
            VisitorRecord second = chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/shoes", "Shoes", "https://shop.example/", null), ORIGIN);
            assertEquals(1, second.visits(), "within 30 minutes: the same visit");
            assertEquals("https://search.example/?q=shoes", second.referrer(), "the visit's referrer stays");

            // The last page view 31 minutes ago: the next one starts a second visit.
            chat.execute("UPDATE chat_visitor SET last_seen_at = last_seen_at - INTERVAL '31' MINUTE WHERE id = ?", id);
            VisitorRecord third = chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/cart", null, "android-app://com.example", null), ORIGIN);
            assertEquals(2, third.visits());
            assertNull(third.referrer(), "only web referrers are kept");

            List<PageView> pages = chat.visitors.pageViews(id);
            assertEquals(List.of("https://shop.example/cart", "https://shop.example/shoes", "https://shop.example/"),
                    pages.stream().map(PageView::url).toList(), "newest first");
            assertEquals("Shoes", pages.get(1).title());

            for (int i = 0; i < VisitorRecords.KEPT_PAGE_VIEWS + 5; i++) {
                chat.visitors.recordPageView(id, new PageView("https://shop.example/p/" + i, "P" + i, null, null), ORIGIN);
            }
            pages = chat.visitors.pageViews(id);
            assertEquals(VisitorRecords.KEPT_PAGE_VIEWS, pages.size());
            assertEquals("https://shop.example/p/54", pages.get(0).url());
            assertEquals("https://shop.example/p/5", pages.get(pages.size() - 1).url());

            assertEquals("url", field(() -> chat.visitors.recordPageView(id,
                    new PageView("javascript:alert(1)", null, null, null), ORIGIN)));
            assertEquals("url", field(() -> chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/" + "a".repeat(2000), null, null, null), ORIGIN)));
            assertEquals("referrer", field(() -> chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/", null, "https://x.example/" + "a".repeat(2000), null), ORIGIN)));
            assertEquals(VisitorRecords.MAX_TITLE_LENGTH, chat.visitors.recordPageView(id,
                    new PageView("https://shop.example/", "t".repeat(900), null, null), ORIGIN).visits() > 0
                    ? chat.visitors.pageViews(id).get(0).title().length() : -1, "long titles are cut");
        }
    }

    @OnEachDatabase
    void blockedVisitorsCannotOpenOrWrite(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            Conversation open = chat.newConversation();
            String visitorId = open.visitorId();
            VisitorRecord blocked = chat.visitors.setBlocked(visitorId, true, "agent-1");
            assertTrue(blocked.blocked());
            assertEquals("agent-1", blocked.blockedBy());
            assertEquals(ChatException.Reason.BLOCKED,
                    assertThrows(ChatException.class, () -> chat.conversations.open(visitorId)).reason());
            assertEquals(ChatException.Reason.BLOCKED, assertThrows(ChatException.class,
                    () -> chat.conversations.post(open.id(), Sender.visitor(visitorId), "m1", "hi")).reason());
            assertEquals(0, chat.conversations.find(open.id()).orElseThrow().lastSeq(), "nothing stored");

            VisitorRecord unblocked = chat.visitors.setBlocked(visitorId, false, "agent-1");
            assertFalse(unblocked.blocked());
            assertNull(unblocked.blockedBy());
            assertEquals(1, chat.conversations.post(open.id(), Sender.visitor(visitorId), "m1", "hi").message().seq());
        }
    }

    @OnEachDatabase
    void onlyTheAuthorEditsOrDeletesANote(ChatDatabase kind) {
        try (TestChat chat = new TestChat(kind)) {
            String id = chat.conversations.createVisitor().visitor().id();
            VisitorNote note = chat.visitors.addNote(id, "jane-id", "Jane", " Wants the red shoes ");
            assertEquals("Wants the red shoes", note.text());
            assertNull(note.updatedAt());
            assertEquals("text", field(() -> chat.visitors.addNote(id, "jane-id", "Jane", " ")));
            assertEquals("text", field(() -> chat.visitors.addNote(id, "jane-id", "Jane", "x".repeat(2001))));

            ChatException foreign = assertThrows(ChatException.class,
                    () -> chat.visitors.editNote(id, note.id(), "sam-id", "Mine now"));
            assertEquals(ChatException.Reason.FORBIDDEN, foreign.reason());
            assertEquals(ChatException.Reason.FORBIDDEN, assertThrows(ChatException.class,
                    () -> chat.visitors.deleteNote(id, note.id(), "sam-id")).reason());
            assertEquals(ChatException.Reason.NOT_FOUND, assertThrows(ChatException.class,
                    () -> chat.visitors.editNote(id, "no-such-note", "jane-id", "x")).reason());

            VisitorNote edited = chat.visitors.editNote(id, note.id(), "jane-id", "Wants the blue shoes");
            assertEquals("Wants the blue shoes", edited.text());
            assertTrue(edited.updatedAt() != null);
            chat.visitors.addNote(id, "sam-id", "Sam", "Called on Monday");
            assertEquals(List.of("Wants the blue shoes", "Called on Monday"),
                    chat.visitors.notes(id).stream().map(VisitorNote::text).toList());
            chat.visitors.deleteNote(id, note.id(), "jane-id");
            assertEquals(List.of("Sam"), chat.visitors.notes(id).stream().map(VisitorNote::authorName).toList());
        }
    }

    @Test
    void presenceCountsEachConnection() {
        MemoryVisitorPresence presence = new MemoryVisitorPresence();
        presence.connected("v");
        presence.connected("v");
        presence.disconnected("v");
        assertTrue(presence.isConnected("v"), "one tab still open");
        presence.disconnected("v");
        presence.disconnected("v");
        assertFalse(presence.isConnected("v"));
    }

    private static String field(Runnable call) {
        ChatException refused = assertThrows(ChatException.class, call::run);
        assertEquals(ChatException.Reason.INVALID, refused.reason());
        return refused.field();
    }
}
