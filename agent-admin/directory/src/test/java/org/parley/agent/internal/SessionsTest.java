package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.time.Duration;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSession;
import org.parley.agent.api.NewAgentSession;
import org.parley.platform.database.TestDatabase;

/** Sessions on a real database: start, look-up, expiry, sign-out, and ending when the agent is disabled. */
class SessionsTest {

    @OnEachDatabase
    void startsASessionFoundByItsSecretOnly(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            NewAgentSession started = directory.sessions.start(jane.id());

            assertEquals(43, started.secret().length(), "256 bits, URL-safe Base64");
            assertFalse(started.toString().contains(started.secret()), "kept out of logs");
            assertEquals(directory.clock.instant().plus(SqlAgentSessions.IDLE_TIMEOUT),
                    started.session().expiresAt());
            AgentSession found = directory.sessions.find(started.secret()).orElseThrow();
            assertEquals(jane, found.agent());
            assertEquals(started.session(), found);
            assertTrue(directory.sessions.find(started.secret() + "x").isEmpty());
            assertTrue(directory.sessions.find(null).isEmpty());
            assertTrue(directory.sessions.find("").isEmpty());
        }
    }

    @OnEachDatabase
    void storesOnlyTheHashOfTheSecret(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            NewAgentSession first = directory.sessions.start(jane.id());
            NewAgentSession second = directory.sessions.start(jane.id());

            assertNotEquals(first.secret(), second.secret());
            String stored = directory.contents();
            assertFalse(stored.contains(first.secret()));
            assertTrue(stored.contains(SqlAgentSessions.hash(first.secret())));
            assertTrue(directory.sessions.find(first.secret()).isPresent(), "several sessions per agent");
            assertTrue(directory.sessions.find(second.secret()).isPresent());
        }
    }

    @OnEachDatabase
    void expiresWhenIdleAndUseKeepsItAlive(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            String used = directory.sessions.start(jane.id()).secret();
            String idle = directory.sessions.start(jane.id()).secret();

            directory.clock.advance(Duration.ofHours(11));
            AgentSession touched = directory.sessions.find(used).orElseThrow();
            assertEquals(directory.clock.instant().plus(SqlAgentSessions.IDLE_TIMEOUT), touched.expiresAt());
            directory.clock.advance(Duration.ofHours(2));
            assertTrue(directory.sessions.find(used).isPresent(), "used 2 hours ago");
            assertTrue(directory.sessions.find(idle).isEmpty(), "idle 13 hours");
            assertFalse(directory.contents().contains(SqlAgentSessions.hash(idle)), "forgotten");
        }
    }

    /** For event streams: a look that does not keep the session alive. */
    @OnEachDatabase
    void peekingIsNoUse(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            NewAgentSession started = directory.sessions.start(jane.id());
            String secret = started.secret();

            directory.clock.advance(Duration.ofHours(11));
            AgentSession peeked = directory.sessions.peek(secret).orElseThrow();
            assertEquals(jane, peeked.agent());
            assertEquals(started.session().expiresAt(), peeked.expiresAt(), "not extended");
            directory.clock.advance(Duration.ofHours(1));
            assertTrue(directory.sessions.peek(secret).isEmpty(), "idle 12 hours despite the peeks");
            assertTrue(directory.sessions.find(secret).isEmpty());
            assertTrue(directory.sessions.peek(null).isEmpty());
            assertTrue(directory.sessions.peek("").isEmpty());

            String other = directory.sessions.start(jane.id()).secret();
            directory.agents.setEnabled(List.of(jane.id()), false);
            assertTrue(directory.sessions.peek(other).isEmpty(), "disabled");
        }
    }

    @OnEachDatabase
    void endsAtTheMaximumLifetimeHoweverOftenUsed(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            String secret = directory.sessions.start(jane.id()).secret();
            for (int hour = 0; hour < 7 * 24 - 10; hour += 10) {
                directory.clock.advance(Duration.ofHours(10));
                assertTrue(directory.sessions.find(secret).isPresent(), "hour " + hour);
            }
            AgentSession last = directory.sessions.find(secret).orElseThrow();
            assertEquals(last.createdAt().plus(SqlAgentSessions.MAX_LIFETIME), last.expiresAt(), "capped");
            directory.clock.advance(Duration.between(directory.clock.instant(), last.expiresAt()));
            assertTrue(directory.sessions.find(secret).isEmpty());
        }
    }

    @OnEachDatabase
    void signOutEndsOnlyThatSession(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            String laptop = directory.sessions.start(jane.id()).secret();
            String phone = directory.sessions.start(jane.id()).secret();
            directory.sessions.end(laptop);
            directory.sessions.end(laptop);
            directory.sessions.end(null);
            assertTrue(directory.sessions.find(laptop).isEmpty());
            assertTrue(directory.sessions.find(phone).isPresent());
        }
    }

    @OnEachDatabase
    void disablingEndsTheAgentsSessionsAtOnce(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            String janes = directory.sessions.start(jane.id()).secret();
            String sams = directory.sessions.start(sam.id()).secret();

            directory.agents.setEnabled(List.of(jane.id()), false);
            assertFalse(directory.contents().contains(SqlAgentSessions.hash(janes)), "deleted, not just refused");
            assertTrue(directory.sessions.find(janes).isEmpty());
            assertTrue(directory.sessions.find(sams).isPresent());
            directory.agents.setEnabled(List.of(jane.id()), true);
            assertTrue(directory.sessions.find(janes).isEmpty(), "enabling again does not bring it back");
        }
    }

    @OnEachDatabase
    void aFailedDisablingEndsNoSession(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            String janes = directory.sessions.start(jane.id()).secret();
            directory.assertRefused(org.parley.agent.api.AgentException.Reason.CONFLICT, "ids",
                    () -> directory.agents.setEnabled(List.of(jane.id(), owner.id()), false));
            assertTrue(directory.sessions.find(janes).isPresent());
        }
    }

    @OnEachDatabase
    void deletingEndsTheAgentsSessions(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            String janes = directory.sessions.start(jane.id()).secret();
            directory.agents.delete(List.of(jane.id()));
            assertTrue(directory.sessions.find(janes).isEmpty());
            assertFalse(directory.contents().contains(SqlAgentSessions.hash(janes)));
        }
    }

    @OnEachDatabase
    void refusesToStartForUnknownOrDisabledAgents(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.agents.setEnabled(List.of(jane.id()), false);
            directory.assertRefused(INVALID, "agentId", () -> directory.sessions.start(jane.id()));
            directory.assertRefused(NOT_FOUND, "agentId", () -> directory.sessions.start("nobody"));
        }
    }
}
