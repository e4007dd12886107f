package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.NewVisitor;
import org.parley.chat.api.VisitorRecord;
import org.parley.chat.internal.ChatConversations;
import org.parley.chat.internal.ChatStore;
import org.parley.chat.internal.ChatVisitorRecords;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/** The visitors' own endpoints on the real store, called without HTTP. */
class VisitorResourceTest {
    private static final jakarta.servlet.http.HttpServletRequest PEER = VisitorLimitsTest.request("192.0.2.7");

    private static VisitorLimits limits() {
        return new VisitorLimits(VisitorLimitsTest.defaults(), System::currentTimeMillis);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void visitorsNameThemselvesAndReportPages(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations conversations = new ChatConversations(store);
            ChatVisitorRecords records = new ChatVisitorRecords(store);
            VisitorResource resource = new VisitorResource(conversations, records,
                    new VisitorOrigins(TrustedProxies.of("10.0.0.0/8"), null), limits());
            NewVisitor visitor = conversations.createVisitor();
            String bearer = "Bearer " + visitor.token();

            assertEquals(401, problem(() -> resource.me(null)).status());
            Json.VisitorSelf fresh = resource.me(bearer);
            assertEquals(visitor.visitor().id(), fresh.visitorId());
            assertNull(fresh.name());
            assertFalse(fresh.blocked());

            assertEquals("Jane", resource.identify(bearer, new Json.Identity("Jane", "jane@example.com")).name());
            assertEquals("jane@example.com", resource.me(bearer).email());
            Problem longName = problem(() -> resource.identify(bearer, new Json.Identity("J".repeat(101), null)));
            assertEquals(400, longName.status());
            assertEquals("name", longName.field());
            assertEquals("email", problem(() -> resource.identify(bearer, new Json.Identity("Jane", "jane@"))).field());
            assertEquals(400, problem(() -> resource.identify(bearer, null)).status());
            assertNull(resource.identify(bearer, new Json.Identity("Jane", null)).email(), "null clears");

            Response recorded = resource.pageView(bearer, TestRequests.from("10.0.0.1",
                    "X-Forwarded-For", "203.0.113.9", "CF-IPCountry", "DE", "User-Agent", "Mozilla/5.0 Test"),
                    new Json.NewPageView("https://shop.example/shoes", "Shoes", "https://search.example/"));
            assertEquals(204, recorded.getStatus());
            VisitorRecord record = records.find(visitor.visitor().id()).orElseThrow();
            assertEquals("203.0.113.9", record.ip());
            assertEquals("DE", record.country());
            assertEquals("Mozilla/5.0 Test", record.userAgent());
            assertEquals(1, record.visits());
            assertEquals("https://search.example/", record.referrer());

            Problem badUrl = problem(() -> resource.pageView(bearer, TestRequests.from("10.0.0.1"),
                    new Json.NewPageView("ftp://shop.example/", null, null)));
            assertEquals(400, badUrl.status());
            assertEquals("url", badUrl.field());
            assertEquals("url", problem(() -> resource.pageView(bearer, TestRequests.from("10.0.0.1"),
                    new Json.NewPageView("https://shop.example/" + "x".repeat(2000), null, null))).field());
            assertEquals(401, problem(() -> resource.pageView("Bearer forged", TestRequests.from("10.0.0.1"),
                    new Json.NewPageView("https://shop.example/", null, null))).status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void blockedVisitorsAreToldPolitelyWithAStableType(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations conversations = new ChatConversations(store);
            ChatVisitorRecords records = new ChatVisitorRecords(store);
            ConversationResource chats = new ConversationResource(conversations,
                    new ConversationSignals(new TypingThrottle(System::currentTimeMillis), false), limits());
            VisitorResource visitors = new VisitorResource(conversations, records,
                    new VisitorOrigins(TrustedProxies.of(), null), limits());
            NewVisitor visitor = conversations.createVisitor();
            String bearer = "Bearer " + visitor.token();
            String open = ((Json.ConversationView) chats.open(bearer, PEER).getEntity()).id();

            records.setBlocked(visitor.visitor().id(), true, "agent-id");
            assertTrue(visitors.me(bearer).blocked());
            for (Problem refused : new Problem[] {problem(() -> chats.open(bearer, PEER)),
                    problem(() -> chats.post(bearer, open, new Json.NewMessage("Hello?", "c1")))}) {
                assertEquals(403, refused.status());
                assertEquals("urn:parley:problem:visitor-blocked", refused.type());
                assertEquals("Sorry, you cannot start new chats here.", refused.detail());
            }
            records.setBlocked(visitor.visitor().id(), false, "agent-id");
            assertEquals(201, chats.open(bearer, PEER).getStatus());
        }
    }

    /** The problem details the call is refused with. */
    static Problem problem(Runnable call) {
        RuntimeException refused = assertThrows(RuntimeException.class, call::run);
        if (refused instanceof ProblemException problem) {
            return problem.problem();
        }
        if (refused instanceof ChatException chat) {
            return ChatProblems.problem(chat);
        }
        throw new AssertionError("unexpected failure", refused);
    }
}
