package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.platform.database.TestDatabase;

/**
 * Requests racing each other: the directory's checks can be overtaken, and then the database's constraints decide,
 * reported as the same precise refusal.
 */
class ConcurrentChangesTest {
    private static final int RACERS = 6;

    @OnEachDatabase
    void oneOfManySimultaneousCreationsGetsTheUsername(TestDatabase.Kind kind) throws Exception {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Object> outcomes = race(i -> () -> directory.agents.create(new NewAgent("Jane " + i,
                    i % 2 == 0 ? "jane" : "JANE", "secret", "jane" + i + "@shop.example", AccessLevel.LIMITED)));
            assertOneWonAndTheRestWereRefused(outcomes, "username");
            assertEquals(1, directory.agents.count());
        }
    }

    @OnEachDatabase
    void oneOfManySimultaneousOwnersWins(TestDatabase.Kind kind) throws Exception {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            List<Object> outcomes = race(i -> () -> directory.agents.create(
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
            List<Object> outcomes = race(i -> () -> directory.agents.transferOwnership(owner.id(), heirs.get(i).id()));
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

    /** Starts the tasks together; each outcome is the task's result or the exception it threw. */
    private static List<Object> race(IntFunction<Callable<Object>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Object> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
