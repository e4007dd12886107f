package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Queue;
import org.parley.platform.database.TestDatabase;

/** Enabling, activating and deleting one or many agents: all or nothing. */
class BulkOperationsTest {

    @OnEachDatabase
    void enablesAndDisablesSeveralAtOnce(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.FULL);
            Agent kim = directory.create("kim", AccessLevel.LIMITED);

            directory.agents.setEnabled(List.of(jane.id(), sam.id(), jane.id()), false);
            assertEquals(Set.of("kim"), usernames(directory, Agent::enabled));

            directory.agents.setEnabled(List.of(jane.id()), true);
            assertEquals(Set.of("jane", "kim"), usernames(directory, Agent::enabled));
            assertEquals(Set.of("jane", "sam", "kim"), usernames(directory, Agent::active), "activity untouched");
            directory.agents.setEnabled(List.of(), false);
            assertFalse(directory.agents.find(sam.id()).orElseThrow().enabled());
            assertTrue(directory.agents.find(kim.id()).orElseThrow().enabled());
        }
    }

    @OnEachDatabase
    void activatesAndDeactivatesSeveralAtOnce(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            directory.agents.setActive(List.of(jane.id(), sam.id()), false);
            assertEquals(Set.of(), usernames(directory, Agent::active));
            assertEquals(Set.of("jane", "sam"), usernames(directory, Agent::enabled), "may still sign in");
            directory.agents.setActive(List.of(sam.id()), true);
            assertEquals(Set.of("sam"), usernames(directory, Agent::active));
        }
    }

    @OnEachDatabase
    void changesNoneWhenOneIdIsUnknownOrTheOwner(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            List<String> withUnknown = List.of(jane.id(), "no-such-agent");
            List<String> withOwner = List.of(jane.id(), owner.id());

            directory.assertRefused(NOT_FOUND, "ids", () -> directory.agents.setEnabled(withUnknown, false));
            directory.assertRefused(NOT_FOUND, "ids", () -> directory.agents.setActive(withUnknown, false));
            directory.assertRefused(NOT_FOUND, "ids", () -> directory.agents.delete(withUnknown));
            directory.assertRefused(CONFLICT, "ids", () -> directory.agents.setEnabled(withOwner, false));
            directory.assertRefused(CONFLICT, "ids", () -> directory.agents.delete(withOwner));
            directory.assertRefused(INVALID, "ids", () -> directory.agents.delete(Arrays.asList(jane.id(), null)));
            directory.assertRefused(INVALID, "ids", () -> directory.agents.delete(null));
            assertEquals(2, directory.agents.count());
        }
    }

    @OnEachDatabase
    void deletesSeveralWithTheirMembershipsAndTellsTheListenersAfterwards(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", null, null,
                    AccessLevel.LIMITED, true, false, null, List.of(sales.id())));
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            Agent kim = directory.create("kim", AccessLevel.LIMITED);
            List<List<Agent>> heard = new ArrayList<>();
            List<Integer> countsWhenTold = new ArrayList<>();
            directory.agents.addDeletionListener(agents -> {
                heard.add(agents);
                // Told after commit: another connection already sees the agents gone.
                countsWhenTold.add(directory.agents.count());
            });
            directory.agents.addDeletionListener(agents -> {
                throw new IllegalStateException("a broken listener must not undo the deletion");
            });

            directory.agents.delete(List.of(jane.id(), sam.id()));

            assertEquals(List.of("kim"), directory.agents.list().stream().map(Agent::username).toList());
            assertEquals(List.of(List.of(jane, sam)), heard, "the agents as they were, queues included");
            assertEquals(List.of(1), countsWhenTold);
            assertTrue(directory.contents().contains(sales.id()), "the queue stays");
            assertFalse(directory.contents().contains(jane.id()), "no membership left behind");

            directory.agents.delete(List.of());
            assertEquals(1, heard.size(), "nothing deleted, nobody told");
            assertEquals(kim, directory.agents.find(kim.id()).orElseThrow());
        }
    }

    @OnEachDatabase
    void aRemovedListenerIsNoLongerTold(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Agent> heard = new ArrayList<>();
            AgentDeletionListener listener = heard::addAll;
            directory.agents.addDeletionListener(listener);
            directory.agents.delete(List.of(directory.create("jane", AccessLevel.LIMITED).id()));
            directory.agents.removeDeletionListener(listener);
            directory.agents.delete(List.of(directory.create("sam", AccessLevel.LIMITED).id()));
            assertEquals(List.of("jane"), heard.stream().map(Agent::username).toList());
        }
    }

    private static Set<String> usernames(TestDirectory directory, Predicate<Agent> which) {
        return Set.copyOf(directory.agents.list().stream().filter(which).map(Agent::username).toList());
    }
}
