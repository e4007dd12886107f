package org.parley.agent.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.Presence;
import org.parley.agent.internal.DirectoryWiring;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.MovableClock;

/**
 * The event stream's content for each viewer, and its end when the viewer's session ends. Events are sent on the
 * changing thread here (TestApi), so they are out when the change returns; the wire format is AgentEventsIT's.
 */
class AgentEventsTest {

    @OnEachDatabase
    void eachViewerHearsEveryChangeAsGetAgentsShowsIt(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent owner = api.create("owner", AccessLevel.OWNER);
            Agent limited = api.create("limited", AccessLevel.LIMITED);
            RecordingSink ownerStream = open(api, owner);
            RecordingSink limitedStream = open(api, limited);
            assertEquals(List.of("connected"), ownerStream.comments());

            Agent jane = api.create("jane", AccessLevel.LIMITED);
            api.directory.edit(jane.id(), AgentChanges.of(jane).withDisplayName("Jane Doe"));
            api.directory.setEnabled(List.of(jane.id()), false);
            api.directory.setEnabled(List.of(jane.id()), true);
            api.directory.setActive(List.of(jane.id()), false);
            api.directory.setActive(List.of(jane.id()), true);
            api.directory.setPresence(jane.id(), Presence.ONLINE);
            api.avatars.change(jane.id(), "image/png", TestImages.PNG);
            api.directory.delete(List.of(jane.id()));

            for (RecordingSink stream : List.of(ownerStream, limitedStream)) {
                assertEquals(List.of("agent", "agent", "agent", "agent", "agent", "agent", "agent", "agent",
                        "agent-deleted"), stream.named().stream().map(e -> e.getName()).toList());
                assertTrue(stream.named().stream()
                        .allMatch(e -> e.getMediaType().equals(MediaType.APPLICATION_JSON_TYPE)));
                assertEquals(List.of(new Json.AgentDeleted(jane.id())), stream.data("agent-deleted"));
            }
            List<Json.AgentView> seenByOwner = views(ownerStream);
            List<Json.AgentView> seenByLimited = views(limitedStream);
            assertEquals("jane@shop.example", seenByOwner.get(0).email());
            assertNull(seenByLimited.get(0).email(), "colleagues without details, as GET /agents");
            assertNull(seenByLimited.get(0).showRealPhoneNumbers());
            assertEquals("Jane Doe", seenByLimited.get(1).displayName());
            assertEquals(List.of(true, true, false, true, true, true, true, true),
                    seenByLimited.stream().map(Json.AgentView::enabled).toList());
            assertEquals(List.of(true, true, true, true, false, true, true, true),
                    seenByLimited.stream().map(Json.AgentView::active).toList());
            assertEquals(Presence.ONLINE, seenByLimited.get(6).status());
            assertNull(seenByLimited.get(6).avatarUrl());
            assertTrue(seenByLimited.get(7).avatarUrl().startsWith("/api/v1/agents/" + jane.id() + "/avatar?v="));
            assertEquals(api.agents.list(api.signIn(limited)).stream().filter(v -> v.id().equals(owner.id()))
                    .toList(), List.of(Json.AgentView.of(owner, false)), "the same shape as GET /agents");
        }
    }

    @OnEachDatabase
    void aViewersNewAccessLevelAppliesToTheNextEvents(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent viewer = api.create("viewer", AccessLevel.LIMITED);
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            RecordingSink stream = open(api, viewer);
            api.directory.edit(viewer.id(), AgentChanges.of(viewer).withAccessLevel(AccessLevel.FULL));
            api.directory.edit(jane.id(), AgentChanges.of(jane).withDisplayName("Jane Doe"));
            assertEquals("jane@shop.example", views(stream).get(1).email());
        }
    }

    @OnEachDatabase
    void signingOutClosesTheStreamAndNothingMoreIsSent(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent viewer = api.create("viewer", AccessLevel.FULL);
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            String secret = api.signIn(viewer);
            RecordingSink stream = open(api, secret);
            RecordingSink otherTab = open(api, api.signIn(viewer));

            api.session.signOut(secret, CsrfTokens.of(secret), TestApi.request(false));
            assertTrue(stream.isClosed());
            assertFalse(otherTab.isClosed(), "another session of the same agent goes on");
            int sent = stream.events.size();
            api.directory.edit(jane.id(), AgentChanges.of(jane).withDisplayName("Jane Doe"));
            api.events.heartbeat();
            assertEquals(sent, stream.events.size());
            // The viewer is still signed in in the other tab, so signing out here changed nothing about them: the other
            // tab hears only Jane's edit.
            assertEquals(List.of(jane.id()), views(otherTab).stream().map(Json.AgentView::id).toList());
        }
    }

    @OnEachDatabase
    void disablingOrDeletingTheViewerClosesTheStreamWithoutAnotherEvent(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent disabled = api.create("disabled", AccessLevel.FULL);
            Agent deleted = api.create("deleted", AccessLevel.FULL);
            RecordingSink disabledStream = open(api, disabled);
            RecordingSink deletedStream = open(api, deleted);

            api.directory.setEnabled(List.of(disabled.id()), false);
            assertTrue(disabledStream.isClosed());
            assertEquals(List.of(), disabledStream.named(), "not even the disabling itself");
            assertEquals(1, deletedStream.named().size());

            api.directory.delete(List.of(deleted.id()));
            assertTrue(deletedStream.isClosed());
            assertEquals(1, deletedStream.named().size());
            assertEquals(0, api.events.openStreams());
        }
    }

    @OnEachDatabase
    void anExpiredSessionsStreamClosesAtTheHeartbeatAndHearsNothing(TestDatabase.Kind kind) {
        MovableClock clock = new MovableClock();
        try (TestApi api = new TestApi(kind)) {
            AgentSessions sessions = DirectoryWiring.sessions(api.database, clock);
            AgentEvents events = new AgentEvents(sessions, Runnable::run);
            Agent viewer = api.create("viewer", AccessLevel.FULL);
            Agent jane = api.create("jane", AccessLevel.LIMITED);
            RecordingSink stream = new RecordingSink();
            String secret = sessions.start(viewer.id()).secret();
            new AgentEventResource(sessions, events).events(secret, stream, RecordingSink.SSE);

            events.heartbeat();
            assertEquals(List.of("connected", "heartbeat"), stream.comments());
            clock.advance(Duration.ofHours(11));
            events.heartbeat();
            assertFalse(stream.isClosed(), "the stream itself does not keep the session alive, but it is alive");
            clock.advance(Duration.ofHours(1));
            events.agentChanged(jane);
            events.heartbeat();
            assertTrue(stream.isClosed(), "idle for 12 hours despite the open stream");
            assertEquals(List.of(), stream.named());
            assertEquals(List.of("connected", "heartbeat", "heartbeat"), stream.comments());
        }
    }

    @OnEachDatabase
    void aClientThatWentAwayIsForgotten(TestDatabase.Kind kind) {
        try (TestApi api = new TestApi(kind)) {
            Agent viewer = api.create("viewer", AccessLevel.FULL);
            RecordingSink stream = open(api, viewer);
            stream.close();
            api.events.heartbeat();
            assertEquals(0, api.events.openStreams());
        }
    }

    private static RecordingSink open(TestApi api, Agent viewer) {
        return open(api, api.signIn(viewer));
    }

    private static RecordingSink open(TestApi api, String secret) {
        RecordingSink sink = new RecordingSink();
        api.eventResource.events(secret, sink, RecordingSink.SSE);
        return sink;
    }

    private static List<Json.AgentView> views(RecordingSink stream) {
        return stream.data("agent").stream().map(Json.AgentView.class::cast).toList();
    }
}
