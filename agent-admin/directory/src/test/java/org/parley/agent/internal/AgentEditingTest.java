package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Queue;
import org.parley.platform.database.TestDatabase;

/** Editing agents: the editable fields, the password rule, and refusals that write nothing. */
class AgentEditingTest {

    @OnEachDatabase
    void changesTheEditableFieldsAndKeepsTheRest(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Queue returns = directory.queues.create("Returns");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", "jane@shop.example", null,
                    AccessLevel.LIMITED, true, false, null, List.of(sales.id())));

            Agent edited = directory.agents.edit(jane.id(), AgentChanges.of(jane)
                    .withDisplayName(" Jane Doe ")
                    .withEmail("jane.doe@shop.example")
                    .withDescription("Team lead")
                    .withAccessLevel(AccessLevel.FULL)
                    .withShowRealPhoneNumbers(true)
                    .withMaxConcurrentSessions(5)
                    .withQueueIds(List.of(returns.id(), sales.id())));

            assertEquals("Jane Doe", edited.displayName());
            assertEquals("jane.doe@shop.example", edited.email());
            assertEquals("Team lead", edited.description());
            assertEquals(AccessLevel.FULL, edited.accessLevel());
            assertTrue(edited.showRealPhoneNumbers());
            assertEquals(5, edited.maxConcurrentSessions());
            assertEquals(List.of(returns, sales), edited.queues(), "by name");
            assertEquals(jane.username(), edited.username());
            assertEquals(jane.createdAt(), edited.createdAt());
            assertEquals(jane.active(), edited.active());
            assertEquals(edited, directory.agents.find(jane.id()).orElseThrow());
        }
    }

    @OnEachDatabase
    void clearsTheEmailTheLimitAndTheQueues(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", "jane@shop.example", "Note",
                    AccessLevel.LIMITED, true, false, 4, List.of(sales.id())));
            Agent edited = directory.agents.edit(jane.id(), AgentChanges.of(jane)
                    .withEmail(" ").withDescription(null).withMaxConcurrentSessions(null).withQueueIds(null));
            assertNull(edited.email());
            assertNull(edited.description());
            assertNull(edited.maxConcurrentSessions());
            assertEquals(List.of(), edited.queues());
            // The address is free again.
            directory.agents.create(new NewAgent("Joan", "joan", "secret", "jane@shop.example", AccessLevel.LIMITED));
        }
    }

    @OnEachDatabase
    void aBlankPasswordKeepsTheCurrentOne(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.agents.edit(jane.id(), AgentChanges.of(jane).withPassword(""));
            directory.agents.edit(jane.id(), AgentChanges.of(jane).withPassword("   "));
            directory.agents.edit(jane.id(), AgentChanges.of(jane).withPassword(null));
            assertTrue(directory.agents.verifyCredentials("jane", "secret-jane").isPresent());

            directory.agents.edit(jane.id(), AgentChanges.of(jane).withPassword("brand-new"));
            assertTrue(directory.agents.verifyCredentials("jane", "secret-jane").isEmpty());
            assertTrue(directory.agents.verifyCredentials("jane", "brand-new").isPresent());
        }
    }

    @OnEachDatabase
    void refusesInvalidChangesWritingNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            AgentChanges valid = AgentChanges.of(jane).withPassword("a-new-password");
            directory.assertRefused(INVALID, "displayName", () -> directory.agents.edit(jane.id(),
                    valid.withDisplayName("")));
            directory.assertRefused(INVALID, "password", () -> directory.agents.edit(jane.id(),
                    valid.withPassword("short")));
            directory.assertRefused(INVALID, "email", () -> directory.agents.edit(jane.id(),
                    valid.withEmail("not-an-address")));
            directory.assertRefused(INVALID, "maxConcurrentSessions", () -> directory.agents.edit(jane.id(),
                    valid.withMaxConcurrentSessions(-1)));
            directory.assertRefused(INVALID, "accessLevel", () -> directory.agents.edit(jane.id(),
                    valid.withAccessLevel(null)));
            directory.assertRefused(NOT_FOUND, "queueIds", () -> directory.agents.edit(jane.id(),
                    valid.withQueueIds(List.of("no-such-queue"))));
            directory.assertRefused(NOT_FOUND, "id", () -> directory.agents.edit("no-such-agent", valid));
            assertTrue(directory.agents.verifyCredentials("jane", "secret-jane").isPresent(), "password kept");
        }
    }

    @OnEachDatabase
    void refusesAnEmailAnotherAgentHasRegardlessOfCase(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.agents.create(new NewAgent("Joan", "joan", "secret", "joan@shop.example", AccessLevel.LIMITED));
            Agent jane = directory.agents.create(
                    new NewAgent("Jane", "jane", "secret", "jane@shop.example", AccessLevel.LIMITED));
            directory.assertRefused(CONFLICT, "email", () -> directory.agents.edit(jane.id(),
                    AgentChanges.of(jane).withEmail("Joan@SHOP.example").withPassword("another-one")));
            // Her own address in another case is hers to keep.
            assertEquals("JANE@shop.example", directory.agents.edit(jane.id(),
                    AgentChanges.of(jane).withEmail("JANE@shop.example")).email());
        }
    }

    @OnEachDatabase
    void accessLevelsNeverMakeOrUnmakeTheOwner(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.assertRefused(CONFLICT, "accessLevel", () -> directory.agents.edit(jane.id(),
                    AgentChanges.of(jane).withAccessLevel(AccessLevel.OWNER)));
            directory.assertRefused(CONFLICT, "accessLevel", () -> directory.agents.edit(owner.id(),
                    AgentChanges.of(owner).withAccessLevel(AccessLevel.FULL)));
            // The owner edits their other fields like anyone else.
            assertEquals("Olivia O.", directory.agents.edit(owner.id(),
                    AgentChanges.of(owner).withDisplayName("Olivia O.")).displayName());
            assertEquals(AccessLevel.FULL, directory.agents.edit(jane.id(),
                    AgentChanges.of(jane).withAccessLevel(AccessLevel.FULL)).accessLevel());
        }
    }
}
