package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.chat.rest.internal.VisitorResourceTest.problem;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.SessionCredentials;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.agent.internal.SqlAgentSessions;
import org.parley.chat.api.PageView;
import org.parley.chat.api.PhoneNumber;
import org.parley.chat.api.VisitorInfoContributor;
import org.parley.chat.api.VisitorInfoSection;
import org.parley.chat.api.VisitorOrigin;
import org.parley.chat.internal.ChatConversations;
import org.parley.chat.internal.ChatDesk;
import org.parley.chat.internal.ChatStore;
import org.parley.chat.internal.ChatVisitorRecords;
import org.parley.chat.internal.MemoryVisitorPresence;
import org.parley.platform.database.TestDatabase;

/** The agents' view of visitors with real sessions and the real store, called without HTTP. */
class DeskVisitorResourceTest {
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/124.0.0.0 Safari/537.36";

    /** One database with chat core, the agent directory and sessions; Jane sees phone numbers, Sam does not. */
    private static final class Desk implements AutoCloseable {
        final TestDatabase db;
        final ChatConversations conversations;
        final ChatVisitorRecords records;
        final MemoryVisitorPresence presence = new MemoryVisitorPresence();
        final SqlAgentDirectory directory;
        final SqlAgentSessions sessions;
        final DeskVisitorResource resource;

        Desk(TestDatabase.Kind kind) {
            db = kind.create();
            ChatStore store = new ChatStore(db.connection());
            conversations = new ChatConversations(store);
            records = new ChatVisitorRecords(store);
            AgentDatabase agents = new AgentDatabase(db.connection());
            directory = new SqlAgentDirectory(agents, Clock.systemUTC());
            sessions = new SqlAgentSessions(agents);
            resource = new DeskVisitorResource(new ChatDesk(store), records, presence, sessions);
        }

        /** A signed-in agent's session secret. */
        String signIn(String username, AccessLevel level, boolean showPhones) {
            Agent agent = directory.create(new NewAgent("Agent " + username, username, "secret-" + username, null,
                    null, level, true, showPhones, null, List.of()));
            return sessions.start(agent.id()).secret();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void agentsSeeTheVisitorWithPhoneNumbersMaskedForThoseWhoMayNot(TestDatabase.Kind kind) {
        try (Desk desk = new Desk(kind)) {
            String jane = desk.signIn("jane", AccessLevel.FULL, true);
            String sam = desk.signIn("sam", AccessLevel.LIMITED, false);
            String visitorId = desk.conversations.createVisitor().visitor().id();
            desk.records.identify(visitorId, "Eva", "eva@example.com");
            desk.records.recordPageView(visitorId, new PageView("https://shop.example/", "Home",
                    "https://search.example/", null), new VisitorOrigin("203.0.113.9", CHROME, "DE", "Berlin"));
            desk.records.recordPageView(visitorId, new PageView("https://shop.example/shoes", "Shoes", null, null),
                    new VisitorOrigin("203.0.113.9", CHROME, "DE", "Berlin"));
            VisitorInfoContributor shop = visitor -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("phone", new PhoneNumber("+1 (234) 555-5678"));
                fields.put("mobilePhone", "+44 20 7946 0958"); // plain text: masked by its name
                fields.put("addresses", List.of(Map.of("street", "Main St 1", "phone", "+420 601 234 567")));
                fields.put("orders", 3);
                return Optional.of(new VisitorInfoSection("customer", "Shop customer", fields));
            };
            desk.resource.addContributor(shop);
            desk.resource.addContributor(visitor -> Optional.empty());
            desk.resource.addContributor(visitor -> {
                throw new IllegalStateException("a broken contributor costs only its own section");
            });

            Json.VisitorInfo seenBySam = desk.resource.info(sam, visitorId);
            assertEquals("Eva", seenBySam.name());
            assertEquals("eva@example.com", seenBySam.email());
            assertEquals("203.0.113.9", seenBySam.ip());
            assertEquals(new Json.Location(true, "DE", "Berlin"), seenBySam.location());
            assertEquals(new Json.Software("Windows", "10"), seenBySam.os());
            assertEquals(new Json.Software("Chrome", "124.0.0"), seenBySam.browser());
            assertEquals("https://search.example/", seenBySam.referrer());
            assertEquals(1, seenBySam.visits());
            assertTrue(seenBySam.onWebsite(), "a page view within two minutes");
            assertEquals(List.of("https://shop.example/shoes", "https://shop.example/"),
                    seenBySam.pages().stream().map(Json.PageViewView::url).toList());
            assertEquals(1, seenBySam.sections().size());
            Map<String, Object> masked = seenBySam.sections().get(0).fields();
            assertEquals("+1******5678", masked.get("phone"));
            assertEquals("+44******0958", masked.get("mobilePhone"));
            assertEquals("+420*****4567", ((Map<?, ?>) ((List<?>) masked.get("addresses")).get(0)).get("phone"));
            assertEquals(3, masked.get("orders"));

            Map<String, Object> full = desk.resource.info(jane, visitorId).sections().get(0).fields();
            assertEquals("+1 (234) 555-5678", full.get("phone"));
            assertEquals("+44 20 7946 0958", full.get("mobilePhone"));

            desk.resource.removeContributor(shop);
            assertEquals(List.of(), desk.resource.info(sam, visitorId).sections());
            assertEquals(401, problem(() -> desk.resource.info(null, visitorId)).status());
            assertEquals(404, problem(() -> desk.resource.info(sam, "no-such-visitor")).status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aVisitorWithoutPagesIsUnknownAndOnTheWebsiteWhileConnected(TestDatabase.Kind kind) {
        try (Desk desk = new Desk(kind)) {
            String sam = desk.signIn("sam", AccessLevel.LIMITED, false);
            String visitorId = desk.conversations.createVisitor().visitor().id();
            Json.VisitorInfo info = desk.resource.info(sam, visitorId);
            assertEquals(new Json.Location(false, null, null), info.location());
            assertEquals(new Json.Software(null, null), info.os());
            assertEquals(0, info.visits());
            assertFalse(info.onWebsite());
            desk.presence.connected(visitorId);
            assertTrue(desk.resource.info(sam, visitorId).onWebsite());
            desk.presence.disconnected(visitorId);
            assertFalse(desk.resource.info(sam, visitorId).onWebsite());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void notesAreEditedAndDeletedOnlyByTheirAuthor(TestDatabase.Kind kind) {
        try (Desk desk = new Desk(kind)) {
            String jane = desk.signIn("jane", AccessLevel.LIMITED, false);
            String sam = desk.signIn("sam", AccessLevel.FULL, false);
            String janeCsrf = SessionCredentials.csrfTokenOf(jane);
            String samCsrf = SessionCredentials.csrfTokenOf(sam);
            String visitorId = desk.conversations.createVisitor().visitor().id();

            var created = desk.resource.addNote(jane, janeCsrf, visitorId, new Json.NoteText("Prefers email"));
            assertEquals(201, created.getStatus());
            Json.NoteView note = (Json.NoteView) created.getEntity();
            assertEquals("Agent jane", note.authorName());
            assertTrue(note.editable());
            assertEquals(403, problem(() -> desk.resource.addNote(jane, null, visitorId,
                    new Json.NoteText("x"))).status(), "CSRF token");
            assertEquals("text", problem(() -> desk.resource.addNote(jane, janeCsrf, visitorId,
                    new Json.NoteText("x".repeat(2001)))).field());
            assertEquals("text", problem(() -> desk.resource.addNote(jane, janeCsrf, visitorId, null)).field());
            assertEquals(404, problem(() -> desk.resource.addNote(jane, janeCsrf, "no-such-visitor",
                    new Json.NoteText("x"))).status());

            assertEquals(403, problem(() -> desk.resource.editNote(sam, samCsrf, visitorId, note.id(),
                    new Json.NoteText("Sam was here"))).status(), "even FULL agents edit only their own notes");
            assertEquals(403, problem(() -> desk.resource.deleteNote(sam, samCsrf, visitorId, note.id())).status());
            assertEquals(404, problem(() -> desk.resource.deleteNote(sam, samCsrf, visitorId, "no-such-note"))
                    .status());
            assertFalse(desk.resource.info(sam, visitorId).notes().get(0).editable());

            Json.NoteView edited = desk.resource.editNote(jane, janeCsrf, visitorId, note.id(),
                    new Json.NoteText("Prefers phone"));
            assertEquals("Prefers phone", edited.text());
            assertTrue(edited.updatedAt() != null);
            assertEquals(204, desk.resource.deleteNote(jane, janeCsrf, visitorId, note.id()).getStatus());
            assertEquals(List.of(), desk.resource.info(jane, visitorId).notes());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void activeAgentsOfAnyLevelBlockAndUnblock(TestDatabase.Kind kind) {
        try (Desk desk = new Desk(kind)) {
            String jane = desk.signIn("jane", AccessLevel.LIMITED, false);
            String resting = desk.signIn("resting", AccessLevel.FULL, false);
            desk.directory.setActive(List.of(desk.sessions.find(resting).orElseThrow().agent().id()), false);
            String janeCsrf = SessionCredentials.csrfTokenOf(jane);
            String visitorId = desk.conversations.createVisitor().visitor().id();

            assertEquals(403, problem(() -> desk.resource.block(jane, null, visitorId)).status(), "CSRF token");
            assertEquals(403, problem(() -> desk.resource.block(resting, SessionCredentials.csrfTokenOf(resting),
                    visitorId)).status(), "inactive agents do not block");
            assertEquals(404, problem(() -> desk.resource.block(jane, janeCsrf, "no-such-visitor")).status());
            Json.VisitorInfo blocked = desk.resource.block(jane, janeCsrf, visitorId);
            assertTrue(blocked.blocked());
            assertEquals(desk.sessions.find(jane).orElseThrow().agent().id(), blocked.blockedBy());
            assertTrue(desk.records.find(visitorId).orElseThrow().blocked());
            Json.VisitorInfo unblocked = desk.resource.unblock(jane, janeCsrf, visitorId);
            assertFalse(unblocked.blocked());
            assertNull(unblocked.blockedBy());
        }
    }
}
