package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.agent.api.AgentException;
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
    void deletesSeveralWithTheirMembershipsWithTheListenersInTheTransaction(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", null, null,
                    AccessLevel.LIMITED, true, false, null, List.of(sales.id())));
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            Agent kim = directory.create("kim", AccessLevel.LIMITED);
            List<List<Agent>> heard = new ArrayList<>();
            List<String> counts = new ArrayList<>();
            directory.agents.addDeletionListener((agents, connection) -> {
                heard.add(agents);
                // Inside the transaction: its connection sees the agents gone, every other one still sees them.
                counts.add("in transaction " + count(connection) + ", elsewhere " + directory.agents.count());
                return () -> counts.add("after commit " + directory.agents.count());
            });
            directory.agents.addDeletionListener((agents, connection) -> null);

            directory.agents.delete(List.of(jane.id(), sam.id()));

            assertEquals(List.of("kim"), directory.agents.list().stream().map(Agent::username).toList());
            assertEquals(List.of(List.of(jane, sam)), heard, "the agents as they were, queues included");
            assertEquals(List.of("in transaction 1, elsewhere 3", "after commit 1"), counts);
            assertTrue(directory.contents().contains(sales.id()), "the queue stays");
            assertFalse(directory.contents().contains(jane.id()), "no membership left behind");

            directory.agents.delete(List.of());
            assertEquals(1, heard.size(), "nothing deleted, nobody told");
            assertEquals(kim, directory.agents.find(kim.id()).orElseThrow());
        }
    }

    @OnEachDatabase
    void aFailingListenerRollsTheWholeDeletionBack(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", null, null,
                    AccessLevel.LIMITED, true, false, null, List.of(sales.id())));
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            directory.sessions.start(jane.id());
            List<String> followUps = new ArrayList<>();
            // The first listener writes on the transaction, the second refuses: the first one's write is undone too.
            directory.agents.addDeletionListener((agents, connection) -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE agent_queue SET name = 'written by a listener'");
                }
                return () -> followUps.add("ran");
            });
            String before = directory.contents();
            AgentDeletionListener refusing = (agents, connection) -> {
                throw new AgentException(AgentException.Reason.CONFLICT, "ids", "Not now");
            };
            directory.agents.addDeletionListener(refusing);
            directory.assertRefused(CONFLICT, "ids", () -> directory.agents.delete(List.of(jane.id(), sam.id())));

            directory.agents.removeDeletionListener(refusing);
            directory.agents.addDeletionListener((agents, connection) -> {
                throw new SQLException("the chat tables are locked");
            });
            IllegalStateException failed = assertThrows(IllegalStateException.class,
                    () -> directory.agents.delete(List.of(jane.id())));
            assertTrue(failed.getMessage().contains("the chat tables are locked"), failed.getMessage());

            assertEquals(before, directory.contents(), "agents, memberships, sessions and the listener's write kept");
            assertEquals(List.of(), followUps, "no follow-up for a deletion that did not happen");
        }
    }

    @OnEachDatabase
    void aRemovedListenerIsNoLongerTold(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Agent> heard = new ArrayList<>();
            AgentDeletionListener listener = (agents, connection) -> {
                heard.addAll(agents);
                return null;
            };
            directory.agents.addDeletionListener(listener);
            directory.agents.delete(List.of(directory.create("jane", AccessLevel.LIMITED).id()));
            directory.agents.removeDeletionListener(listener);
            directory.agents.delete(List.of(directory.create("sam", AccessLevel.LIMITED).id()));
            assertEquals(List.of("jane"), heard.stream().map(Agent::username).toList());
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM agent_account")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Set<String> usernames(TestDirectory directory, Predicate<Agent> which) {
        return Set.copyOf(directory.agents.list().stream().filter(which).map(Agent::username).toList());
    }
}
