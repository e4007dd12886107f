package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.SessionCredentials;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.agent.internal.SqlAgentSessions;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.Conversation;
import org.parley.chat.api.Sender;
import org.parley.chat.internal.ChatConversations;
import org.parley.chat.internal.ChatDesk;
import org.parley.chat.internal.ChatStore;
import org.parley.chat.internal.ChatVisitorRecords;
import org.parley.chat.internal.MemoryVisitorPresence;
import org.parley.platform.database.TestDatabase;
import org.parley.rest.problem.ProblemException;

/** The desk resource with real agent sessions and the real store, called without HTTP. */
class DeskResourceTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void agentsNeedTheirSessionToReadAndTheCsrfTokenAndActivityToChat(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations conversations = new ChatConversations(store);
            AgentDatabase agentDatabase = new AgentDatabase(db.connection());
            SqlAgentDirectory directory = new SqlAgentDirectory(agentDatabase, Clock.systemUTC());
            SqlAgentSessions sessions = new SqlAgentSessions(agentDatabase);
            DeskResource resource = new DeskResource(new ChatDesk(store), conversations, sessions,
                    new ConversationSignals(new TypingThrottle(System::currentTimeMillis), false));
            Agent jane = directory.create(new NewAgent("Jane Doe", "jane", "secret-jane", null, AccessLevel.LIMITED));
            Agent resting = directory.create(new NewAgent("Resting", "resting", "secret-rest", null,
                    AccessLevel.FULL));
            directory.setActive(List.of(resting.id()), false);
            String janes = sessions.start(jane.id()).secret();
            String restings = sessions.start(resting.id()).secret();
            String csrf = SessionCredentials.csrfTokenOf(janes);
            Conversation conversation = conversations.open(conversations.createVisitor().visitor().id());
            String id = conversation.id();
            conversations.post(id, Sender.visitor(conversation.visitorId()), "v1", "Hello");

            assertEquals(401, status(() -> resource.list(null, "100")));
            assertEquals(401, status(() -> resource.list("forged", "100")));
            assertEquals(400, status(() -> resource.list(janes, "0")));
            assertEquals(403, status(() -> resource.take(janes, null, id)));
            assertEquals(403, status(() -> resource.take(janes, SessionCredentials.csrfTokenOf(restings), id)));
            assertEquals(403, status(() -> resource.take(restings, SessionCredentials.csrfTokenOf(restings), id)),
                    "inactive agents do not chat");
            assertEquals("NEW_CHAT", resource.get(restings, id).deskState(), "but they read");
            assertEquals(404, status(() -> resource.get(janes, "no-such-conversation")));

            assertEquals("ACTIVE", resource.take(janes, csrf, id).state());
            Agent sam = directory.create(new NewAgent("Sam", "sam", "secret-sam", null, AccessLevel.LIMITED));
            String sams = sessions.start(sam.id()).secret();
            assertEquals(409, status(() -> resource.take(sams, SessionCredentials.csrfTokenOf(sams), id)));
            assertEquals(201, status(() -> resource.reply(janes, csrf, id, new Json.NewMessage("Hi, Jane here",
                    "a1"))));
            assertEquals(400, status(() -> resource.reply(janes, csrf, id, null)));
            assertEquals(400, status(() -> resource.seen(janes, csrf, id, new Json.Seen(99L))));
            assertEquals(204, status(() -> resource.seen(janes, csrf, id, new Json.Seen(3L))));
            Json.MessagePage page = resource.messages(restings, id, "0", "10");
            assertEquals(List.of("Hello", "Jane Doe joined the chat", "Hi, Jane here"),
                    page.messages().stream().map(Json.MessageView::text).toList());
            assertEquals("Jane Doe", page.messages().get(2).sender().name());
            assertEquals("NOT_IN_CONVERSATION", resource.get(restings, id).deskState());
            assertEquals(403, status(() -> resource.close(restings, SessionCredentials.csrfTokenOf(restings), id)));
            assertEquals("CLOSED", resource.close(janes, csrf, id).state());
            DeskVisitorResource visitors = new DeskVisitorResource(new ChatDesk(store), new ChatVisitorRecords(store),
                    new MemoryVisitorPresence(), sessions);
            assertEquals(1, visitors.history(restings, conversation.visitorId()).conversations().size());
            assertEquals(404, status(() -> visitors.history(janes, "no-such-visitor")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyChangeNeedsTheSessionsCsrfToken(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create()) {
            ChatStore store = new ChatStore(db.connection());
            ChatConversations conversations = new ChatConversations(store);
            AgentDatabase agentDatabase = new AgentDatabase(db.connection());
            SqlAgentDirectory directory = new SqlAgentDirectory(agentDatabase, Clock.systemUTC());
            SqlAgentSessions sessions = new SqlAgentSessions(agentDatabase);
            DeskResource resource = new DeskResource(new ChatDesk(store), conversations, sessions,
                    new ConversationSignals(new TypingThrottle(System::currentTimeMillis), false));
            Agent jane = directory.create(new NewAgent("Jane", "jane", "secret-jane", null, AccessLevel.LIMITED));
            String secret = sessions.start(jane.id()).secret();
            String id = conversations.open(conversations.createVisitor().visitor().id()).id();
            for (String csrf : new String[] {null, "", SessionCredentials.csrfTokenOf(secret) + "x",
                    SessionCredentials.csrfTokenOf("another session")}) {
                assertEquals(403, status(() -> resource.take(secret, csrf, id)));
                assertEquals(403, status(() -> resource.reply(secret, csrf, id, new Json.NewMessage("hi", null))));
                assertEquals(403, status(() -> resource.seen(secret, csrf, id, new Json.Seen(0L))));
                assertEquals(403, status(() -> resource.close(secret, csrf, id)));
            }
            assertEquals("NEW", conversations.find(id).orElseThrow().state().name(), "nothing changed");
            assertEquals(0, conversations.find(id).orElseThrow().lastSeq());
        }
    }

    /** The HTTP status the call answers with: its response's, 200 for a plain result, or its refusal's. */
    private static int status(Callable<?> call) {
        try {
            Object result = call.call();
            return result instanceof Response response ? response.getStatus() : 200;
        } catch (ProblemException e) {
            return e.problem().status();
        } catch (ChatException e) {
            return ChatProblems.problem(e).status();
        } catch (Exception e) {
            throw new AssertionError("unexpected failure", e);
        }
    }
}
