package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.Arrays;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Queue;
import org.parley.platform.database.TestDatabase;

/** Creating agents on a real database: what is stored, and every rule that refuses a new agent. */
class AgentCreationTest {

    @OnEachDatabase
    void storesEveryField(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Agent created = directory.agents.create(new NewAgent("  Jane Doe ", " Jane.Doe ", "s3cret!",
                    " Jane@Shop.example ", "Weekend shifts", AccessLevel.FULL, false, true, 3, List.of(sales.id())));

            assertEquals("Jane Doe", created.displayName(), "trimmed");
            assertEquals("Jane.Doe", created.username(), "trimmed, case kept");
            assertEquals("Jane@Shop.example", created.email());
            assertEquals("Weekend shifts", created.description());
            assertEquals(AccessLevel.FULL, created.accessLevel());
            assertFalse(created.active());
            assertTrue(created.enabled(), "new agents may sign in");
            assertTrue(created.showRealPhoneNumbers());
            assertEquals(3, created.maxConcurrentSessions());
            assertEquals(List.of(sales), created.queues());
            assertEquals(36, created.id().length(), "a UUID");
            assertEquals(created, directory.agents.find(created.id()).orElseThrow());
            assertEquals(List.of(created), directory.agents.list());
            assertEquals(1, directory.agents.count());
        }
    }

    @OnEachDatabase
    void defaultsToAnActiveAgentWithMaskedNumbersAndNoLimit(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent agent = directory.agents.create(new NewAgent("Sam", "sam", "secret", "", AccessLevel.LIMITED));
            assertTrue(agent.active());
            assertFalse(agent.showRealPhoneNumbers());
            assertNull(agent.maxConcurrentSessions(), "unlimited");
            assertNull(agent.email(), "blank means none");
            assertNull(agent.description());
            assertEquals(List.of(), agent.queues());
        }
    }

    @OnEachDatabase
    void refusesInvalidFieldsNamingTheFieldAndWritingNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.createOwner();
            assertInvalid(directory, "displayName", withDisplayName("   "));
            assertInvalid(directory, "displayName", withDisplayName("x".repeat(101)));
            assertInvalid(directory, "username", withUsername(null));
            assertInvalid(directory, "username", withUsername("ab"));
            assertInvalid(directory, "username", withUsername("x".repeat(51)));
            assertInvalid(directory, "username", withUsername("jane doe"));
            assertInvalid(directory, "username", withUsername("jane@shop"));
            assertInvalid(directory, "password", withPassword(null));
            assertInvalid(directory, "password", withPassword("      "));
            assertInvalid(directory, "password", withPassword("12345"));
            assertInvalid(directory, "password", withPassword("x".repeat(201)));
            assertInvalid(directory, "email", withEmail("jane"));
            assertInvalid(directory, "email", withEmail("jane@shop"));
            assertInvalid(directory, "email", withEmail("jane doe@shop.example"));
            assertInvalid(directory, "accessLevel", new NewAgent("Jane", "jane", "secret", null, null));
            assertInvalid(directory, "maxConcurrentSessions", new NewAgent("Jane", "jane", "secret", null, null,
                    AccessLevel.LIMITED, true, false, 0, List.of()));
            assertInvalid(directory, "description", new NewAgent("Jane", "jane", "secret", null, "x".repeat(501),
                    AccessLevel.LIMITED, true, false, null, List.of()));
            assertEquals(1, directory.agents.count());
        }
    }

    @OnEachDatabase
    void acceptsTheLimitsExactly(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            String name = "\uD83D\uDE00".repeat(100); // 100 characters that each take two UTF-16 units
            Agent agent = directory.agents.create(new NewAgent(name, "a_b-c.9" + "x".repeat(43), "123456", null,
                    "é".repeat(500), AccessLevel.LIMITED, true, false, 1000, List.of()));
            assertEquals(name, agent.displayName());
            assertEquals(50, agent.username().length());
        }
    }

    @OnEachDatabase
    void usernamesAreUniqueRegardlessOfCase(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.create("Jane.Doe", AccessLevel.LIMITED);
            var refusal = directory.assertRefused(CONFLICT, "username", () -> directory.agents.create(
                    new NewAgent("Another Jane", "jane.DOE", "secret", null, AccessLevel.LIMITED)));
            assertEquals("Username is already taken", refusal.getMessage());
        }
    }

    @OnEachDatabase
    void emailsAreUniqueRegardlessOfCase(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.agents.create(new NewAgent("Jane", "jane", "secret", "jane@shop.example", AccessLevel.LIMITED));
            directory.assertRefused(CONFLICT, "email", () -> directory.agents.create(
                    new NewAgent("Joan", "joan", "secret", "JANE@Shop.Example", AccessLevel.LIMITED)));
            directory.agents.create(new NewAgent("Jim", "jim", "secret", null, AccessLevel.LIMITED));
            directory.agents.create(new NewAgent("Joe", "joe", "secret", "  ", AccessLevel.LIMITED));
            assertEquals(3, directory.agents.count(), "any number of agents without email");
        }
    }

    @OnEachDatabase
    void refusesUnknownQueuesWritingNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            directory.assertRefused(NOT_FOUND, "queueIds", () -> directory.agents.create(new NewAgent("Jane", "jane",
                    "secret", null, null, AccessLevel.LIMITED, true, false, null, List.of(sales.id(), "nope"))));
            directory.assertRefused(INVALID, "queueIds", () -> directory.agents.create(new NewAgent("Jane", "jane",
                    "secret", null, null, AccessLevel.LIMITED, true, false, null, Arrays.asList("x", null))));
        }
    }

    private static void assertInvalid(TestDirectory directory, String field, NewAgent agent) {
        directory.assertRefused(INVALID, field, () -> directory.agents.create(agent));
    }

    private static NewAgent withDisplayName(String value) {
        return new NewAgent(value, "jane", "secret", null, AccessLevel.LIMITED);
    }

    private static NewAgent withUsername(String value) {
        return new NewAgent("Jane", value, "secret", null, AccessLevel.LIMITED);
    }

    private static NewAgent withPassword(String value) {
        return new NewAgent("Jane", "jane", value, null, AccessLevel.LIMITED);
    }

    private static NewAgent withEmail(String value) {
        return new NewAgent("Jane", "jane", "secret", value, AccessLevel.LIMITED);
    }
}
