package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.Race;

/**
 * Requests racing each other: the directory's checks can be overtaken, and then the database's constraints decide,
 * reported as the same precise refusal.
 */
class ConcurrentChangesTest {
    private static final int RACERS = 6;

    @OnEachDatabase
    void oneOfManySimultaneousCreationsGetsTheUsername(TestDatabase.Kind kind) throws Exception {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Object> outcomes = Race.run(RACERS, i -> () -> directory.agents.create(new NewAgent("Jane " + i,
                    i % 2 == 0 ? "jane" : "JANE", "secret", "jane" + i + "@shop.example", AccessLevel.LIMITED)));
            assertOneWonAndTheRestWereRefused(outcomes, "username");
            assertEquals(1, directory.agents.count());
        }
    }

    @OnEachDatabase
    void oneOfManySimultaneousOwnersWins(TestDatabase.Kind kind) throws Exception {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Object> outcomes = Race.run(RACERS, i -> () -> directory.agents.create(
                    new NewAgent("Owner " + i, "owner" + i, "secret", null, AccessLevel.OWNER)));
            assertOneWonAndTheRestWereRefused(outcomes, "accessLevel");
            assertEquals(1, directory.agents.list().stream().filter(Agent::isOwner).count());
        }
    }

    @OnEachDatabase
    void oneOfManySimultaneousTransfersWins(TestDatabase.Kind kind) throws Exception {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent owner = directory.createOwner();
            List<Agent> heirs = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                heirs.add(directory.create("heir" + i, AccessLevel.FULL));
            }
            List<Object> outcomes = Race.run(RACERS, i -> () -> directory.agents.transferOwnership(owner.id(), heirs.get(i).id()));
            assertEquals(1, outcomes.stream().filter(Agent.class::isInstance).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(outcome -> outcome instanceof Agent
                    || outcome instanceof AgentException e && e.reason() == AgentException.Reason.CONFLICT),
                    outcomes.toString());
            assertEquals(1, directory.agents.list().stream().filter(Agent::isOwner).count());
        }
    }

    private static void assertOneWonAndTheRestWereRefused(List<Object> outcomes, String field) {
        assertEquals(1, outcomes.stream().filter(Agent.class::isInstance).count(), outcomes.toString());
        for (Object outcome : outcomes) {
            if (outcome instanceof AgentException refusal) {
                assertEquals(AgentException.Reason.CONFLICT, refusal.reason(), refusal.getMessage());
                assertEquals(field, refusal.field(), refusal.getMessage());
            }
        }
    }
}
