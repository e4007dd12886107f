package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.platform.database.TestDatabase;

/** One owner per installation: who may be it, how ownership moves, and what the owner cannot undergo. */
class OwnershipTest {

    @OnEachDatabase
    void theFirstAgentMayBeTheOwnerButNoSecondOne(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            assertTrue(owner.isOwner());
            var refusal = directory.assertRefused(CONFLICT, "accessLevel", () -> directory.agents.create(
                    new NewAgent("Other", "other", "secret", null, AccessLevel.OWNER)));
            assertEquals("There is already an owner; ownership can only be transferred", refusal.getMessage());
        }
    }

    @OnEachDatabase
    void anInstallationWithoutOwnerMayStillGetOne(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.create("jane", AccessLevel.FULL);
            assertTrue(directory.createOwner().isOwner());
        }
    }

    @OnEachDatabase
    void transferMakesTheOtherAgentOwnerAndThePreviousOwnerFull(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.LIMITED);

            Agent newOwner = directory.agents.transferOwnership(owner.id(), jane.id());

            assertEquals(jane.id(), newOwner.id());
            assertEquals(AccessLevel.OWNER, newOwner.accessLevel());
            assertEquals(AccessLevel.FULL, directory.agents.find(owner.id()).orElseThrow().accessLevel());
            assertEquals(List.of(jane.id()), owners(directory));
            // Now the previous owner is an agent like any other.
            directory.agents.delete(List.of(owner.id()));
            assertEquals(1, directory.agents.count());
        }
    }

    @OnEachDatabase
    void refusesTransfersThatBreakTheRulesWritingNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.FULL);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            directory.agents.setEnabled(List.of(sam.id()), false);

            directory.assertRefused(CONFLICT, "fromId", () -> directory.agents.transferOwnership(jane.id(), sam.id()));
            directory.assertRefused(INVALID, "toId", () -> directory.agents.transferOwnership(owner.id(), owner.id()));
            directory.assertRefused(INVALID, "toId", () -> directory.agents.transferOwnership(owner.id(), sam.id()));
            directory.assertRefused(NOT_FOUND, "fromId", () -> directory.agents.transferOwnership("nobody", jane.id()));
            directory.assertRefused(NOT_FOUND, "toId", () -> directory.agents.transferOwnership(owner.id(), "nobody"));
            directory.assertRefused(NOT_FOUND, "toId", () -> directory.agents.transferOwnership(owner.id(), null));
            assertEquals(List.of(owner.id()), owners(directory));
        }
    }

    @OnEachDatabase
    void theOwnerCannotBeDeletedOrDisabledBeforeTransferring(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            var refusal = directory.assertRefused(CONFLICT, "ids", () -> directory.agents.delete(List.of(owner.id())));
            assertEquals("Olivia Owner is the owner and cannot be deleted; transfer ownership to another agent first",
                    refusal.getMessage());
            directory.assertRefused(CONFLICT, "ids", () -> directory.agents.setEnabled(List.of(owner.id()), false));
            // Deactivating is fine: owners often only manage.
            directory.agents.setActive(List.of(owner.id()), false);
            assertTrue(directory.agents.find(owner.id()).orElseThrow().enabled());
        }
    }

    /** The database itself holds the rule, whatever writes to it. */
    @OnEachDatabase
    void theSchemaAllowsOneOwnerAtMost(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.createOwner();
            String insert = "INSERT INTO agent_account (id, username, username_key, display_name, access_level,"
                    + " owner_slot, active, enabled, show_real_phone_numbers, password_hash, created_at) VALUES"
                    + " ('x', 'x', 'x', 'X', 'OWNER', %s, TRUE, TRUE, FALSE, 'h', CURRENT_TIMESTAMP)";
            assertThrows(IllegalStateException.class, () -> TestDatabase.execute(directory.db.connection(),
                    insert.formatted("TRUE")));
            assertThrows(IllegalStateException.class, () -> TestDatabase.execute(directory.db.connection(),
                    insert.formatted("NULL")));
            assertThrows(IllegalStateException.class, () -> TestDatabase.execute(directory.db.connection(),
                    insert.formatted("FALSE")));
            assertEquals(1, directory.agents.count());
        }
    }

    private static List<String> owners(TestDirectory directory) {
        return directory.agents.list().stream().filter(Agent::isOwner).map(Agent::id).toList();
    }
}
