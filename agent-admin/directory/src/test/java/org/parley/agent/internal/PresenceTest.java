package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.Presence;
import org.parley.platform.database.TestDatabase;

/** Online and offline: only active, enabled agents are ever online. */
class PresenceTest {

    @OnEachDatabase
    void newAgentsAreOfflineAndGoOnlineAndOffline(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            assertEquals(Presence.OFFLINE, jane.presence());
            assertFalse(jane.isOnline());

            Agent online = directory.agents.setPresence(jane.id(), Presence.ONLINE);
            assertEquals(Presence.ONLINE, online.presence());
            assertTrue(online.isOnline());
            assertEquals(Presence.ONLINE, directory.agents.find(jane.id()).orElseThrow().presence());
            assertEquals(Presence.ONLINE, directory.agents.list().get(0).presence());

            assertEquals(Presence.OFFLINE, directory.agents.setPresence(jane.id(), Presence.OFFLINE).presence());
            assertEquals(Presence.OFFLINE, directory.agents.setPresence(jane.id(), Presence.OFFLINE).presence());
        }
    }

    @OnEachDatabase
    void inactiveAndDisabledAgentsCannotGoOnline(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent inactive = directory.create("inactive", AccessLevel.FULL);
            directory.agents.setActive(List.of(inactive.id()), false);
            Agent disabled = directory.create("disabled", AccessLevel.LIMITED);
            directory.agents.setEnabled(List.of(disabled.id()), false);

            String message = directory.assertRefused(CONFLICT, "presence",
                    () -> directory.agents.setPresence(inactive.id(), Presence.ONLINE)).getMessage();
            assertTrue(message.contains("inactive"), message);
            directory.assertRefused(CONFLICT, "presence",
                    () -> directory.agents.setPresence(disabled.id(), Presence.ONLINE));
            directory.assertRefused(NOT_FOUND, "id", () -> directory.agents.setPresence("nobody", Presence.ONLINE));
            directory.assertRefused(INVALID, "presence", () -> directory.agents.setPresence(inactive.id(), null));
            // Offline always works.
            assertEquals(Presence.OFFLINE, directory.agents.setPresence(inactive.id(), Presence.OFFLINE).presence());
        }
    }

    @OnEachDatabase
    void disablingAndDeactivatingSetAgentsOffline(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            directory.agents.setPresence(jane.id(), Presence.ONLINE);
            directory.agents.setPresence(sam.id(), Presence.ONLINE);

            directory.agents.setActive(List.of(jane.id()), false);
            directory.agents.setEnabled(List.of(sam.id()), false);
            assertEquals(Presence.OFFLINE, directory.agents.find(jane.id()).orElseThrow().presence());
            assertEquals(Presence.OFFLINE, directory.agents.find(sam.id()).orElseThrow().presence());

            // Coming back does not bring them online: they say so themselves.
            directory.agents.setActive(List.of(jane.id()), true);
            directory.agents.setEnabled(List.of(sam.id()), true);
            assertEquals(Presence.OFFLINE, directory.agents.find(jane.id()).orElseThrow().presence());
            assertEquals(Presence.OFFLINE, directory.agents.find(sam.id()).orElseThrow().presence());
        }
    }

    /** Activating an active agent leaves their presence alone. */
    @OnEachDatabase
    void activatingKeepsPresence(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.agents.setPresence(jane.id(), Presence.ONLINE);
            directory.agents.setActive(List.of(jane.id()), true);
            assertEquals(Presence.ONLINE, directory.agents.find(jane.id()).orElseThrow().presence());
        }
    }

    @OnEachDatabase
    void agentsStayOnlineWhileASessionLivesAndGoOfflineWhenTheLastOneHasExpired(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            PresenceSweeper sweeper = new PresenceSweeper(directory.sessions, directory.agents, false);
            String laptop = directory.sessions.start(jane.id()).secret();
            directory.sessions.start(jane.id());
            directory.sessions.start(sam.id());
            directory.agents.setPresence(jane.id(), Presence.ONLINE);
            directory.agents.setPresence(sam.id(), Presence.ONLINE);

            directory.sessions.end(laptop);
            assertTrue(directory.sessions.isSignedIn(jane.id()), "still signed in on the phone");
            assertEquals(List.of(), sweeper.sweep());
            assertEquals(Presence.ONLINE, directory.agents.find(jane.id()).orElseThrow().presence());

            // Sam keeps using Parley; Jane closed her browser.
            directory.clock.advance(java.time.Duration.ofHours(11));
            directory.sessions.find(directory.sessions.start(sam.id()).secret());
            directory.clock.advance(java.time.Duration.ofHours(2));
            assertFalse(directory.sessions.isSignedIn(jane.id()));
            assertEquals(List.of(jane.id()), sweeper.sweep());
            assertEquals(Presence.OFFLINE, directory.agents.find(jane.id()).orElseThrow().presence());
            assertEquals(Presence.ONLINE, directory.agents.find(sam.id()).orElseThrow().presence());
            assertEquals(List.of(), sweeper.sweep(), "nothing more to do");
        }
    }
}
