package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Queue;
import org.parley.platform.database.TestDatabase;

/** Queues and membership in them. */
class QueueCatalogTest {

    @OnEachDatabase
    void createsRenamesListsAndDeletesQueues(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create(" Sales ");
            Queue returns = directory.queues.create("returns");
            assertEquals("Sales", sales.name());
            assertEquals(List.of(returns, sales), directory.queues.list(), "by name, regardless of case");

            Queue renamed = directory.queues.rename(sales.id(), "Pre-sales");
            assertEquals(new Queue(sales.id(), "Pre-sales"), renamed);
            assertEquals(renamed, directory.queues.find(sales.id()).orElseThrow());
            assertEquals("SALES", directory.queues.rename(sales.id(), "SALES").name(), "own name in another case");

            directory.queues.delete(returns.id());
            assertEquals(List.of(directory.queues.find(sales.id()).orElseThrow()), directory.queues.list());
            assertTrue(directory.queues.find(returns.id()).isEmpty());
            assertTrue(directory.queues.find(null).isEmpty());
        }
    }

    @OnEachDatabase
    void refusesBadNamesAndUnknownIdsWritingNothing(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Queue returns = directory.queues.create("Returns");
            directory.assertRefused(CONFLICT, "name", () -> directory.queues.create("SALES"));
            directory.assertRefused(CONFLICT, "name", () -> directory.queues.rename(returns.id(), "sales"));
            directory.assertRefused(INVALID, "name", () -> directory.queues.create(" "));
            directory.assertRefused(INVALID, "name", () -> directory.queues.create("x".repeat(101)));
            directory.assertRefused(INVALID, "name", () -> directory.queues.rename(sales.id(), null));
            directory.assertRefused(NOT_FOUND, "id", () -> directory.queues.rename("nope", "Other"));
            directory.assertRefused(NOT_FOUND, "id", () -> directory.queues.delete("nope"));
        }
    }

    @OnEachDatabase
    void agentsShowTheirQueuesAndLoseADeletedOne(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            Queue returns = directory.queues.create("Returns");
            Agent jane = directory.agents.create(new NewAgent("Jane", "jane", "secret", null, null,
                    AccessLevel.LIMITED, true, false, null, List.of(sales.id(), returns.id(), sales.id())));
            Agent sam = directory.create("sam", AccessLevel.LIMITED);
            assertEquals(List.of(returns, sales), jane.queues());
            assertEquals(List.of(), directory.agents.find(sam.id()).orElseThrow().queues(), "no queue");

            directory.queues.rename(returns.id(), "Refunds");
            directory.queues.delete(sales.id());

            assertEquals(List.of(new Queue(returns.id(), "Refunds")),
                    directory.agents.findByLogin("jane").orElseThrow().queues());
            assertEquals(List.of(List.of(), List.of(new Queue(returns.id(), "Refunds"))),
                    directory.agents.list().stream().map(Agent::queues).toList(), "Agent sam, then Jane");
        }
    }

    @OnEachDatabase
    void reopeningTheSchemaKeepsTheData(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Queue sales = directory.queues.create("Sales");
            QueueCatalog again = new QueueCatalog(new AgentDatabase(directory.db.connection()));
            assertEquals(List.of(sales), again.list());
            TestDatabase.execute(directory.db.connection(), "SELECT version FROM agent_schema_history");
        }
    }
}
