package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChanges;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.Presence;
import org.parley.platform.database.TestDatabase;

/** Every committed creation and change is told to the AgentChangeListeners, with the agent as stored. */
class ChangeAnnouncementsTest {

    @OnEachDatabase
    void everyChangeIsToldWithTheAgentAsItIsNow(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            assertEquals(List.of(owner, jane), directory.changes);

            directory.changes.clear();
            Agent renamed = directory.agents.edit(jane.id(), AgentChanges.of(jane).withDisplayName("Jane Doe"));
            directory.agents.setPresence(jane.id(), Presence.ONLINE);
            directory.agents.setActive(List.of(jane.id()), false);
            directory.agents.setEnabled(List.of(jane.id()), false);
            directory.agents.setEnabled(List.of(jane.id()), true);
            directory.agents.setActive(List.of(jane.id()), true);
            assertEquals(6, directory.changes.size());
            assertEquals(renamed, directory.changes.get(0));
            assertEquals(List.of(Presence.OFFLINE, Presence.ONLINE, Presence.OFFLINE, Presence.OFFLINE,
                    Presence.OFFLINE, Presence.OFFLINE), directory.changes.stream().map(Agent::presence).toList());
            assertEquals(List.of(true, true, false, false, false, true),
                    directory.changes.stream().map(Agent::active).toList());
            assertEquals(List.of(true, true, true, false, true, true),
                    directory.changes.stream().map(Agent::enabled).toList());

            directory.changes.clear();
            Agent sam = directory.create("sam", AccessLevel.FULL);
            directory.changes.clear();
            Agent newOwner = directory.agents.transferOwnership(owner.id(), sam.id());
            assertEquals(List.of(directory.agents.find(owner.id()).orElseThrow(), newOwner), directory.changes);
        }
    }

    @OnEachDatabase
    void refusedChangesAreNotTold(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.agents.setActive(List.of(jane.id()), false);
            directory.changes.clear();
            assertThrows(AgentException.class, () -> directory.agents.setPresence(jane.id(), Presence.ONLINE));
            assertThrows(AgentException.class,
                    () -> directory.agents.edit(jane.id(), AgentChanges.of(jane).withDisplayName(" ")));
            assertEquals(List.of(), directory.changes);
        }
    }

    @OnEachDatabase
    void aFailingListenerDoesNotUndoTheChangeNorSilenceTheOthers(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            directory.agents.addChangeListener(agent -> {
                throw new IllegalStateException("listener failure, on purpose");
            });
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            assertEquals(List.of(jane), directory.changes);
            assertFalse(directory.agents.find(jane.id()).isEmpty());
        }
    }

    @OnEachDatabase
    void acceptingAnInvitationTellsOfTheNewAgent(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            String token = directory.invitations.invite("new@shop.example", AccessLevel.LIMITED, null, owner.id())
                    .token();
            directory.changes.clear();
            Agent created = directory.invitations.accept(token, "New Agent", "newbie", "secret-newbie");
            assertEquals(List.of(created), directory.changes);
        }
    }
}
