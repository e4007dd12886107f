package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.SeatUsage;
import org.parley.platform.database.TestDatabase;
import org.parley.platform.testing.Race;

/**
 * Creations and invitations arriving at the same time for the last seats (Chatwoot PR #15127: a limit checked
 * before inserting, without a lock, lets all of them through). Exactly the free seats are taken; the rest are
 * refused for the seats, whatever the interleaving.
 */
class ConcurrentSeatsTest {
    private static final int RACERS = 20;

    @OnEachDatabase
    void simultaneousCreationsAndInvitationsNeverExceedTheSeats(TestDatabase.Kind kind) throws Exception {
        for (int seats : new int[] {3, 8}) {
            try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
                String owner = directory.createOwner().id();
                directory.seats.changePlan(seats == 3 ? PlanTier.FREE : PlanTier.PAID, seats);
                List<Object> outcomes = Race.run(RACERS, i -> i % 2 == 0
                        ? () -> directory.agents.create(new NewAgent("Agent " + i, "agent" + i, "secret", null,
                                AccessLevel.LIMITED))
                        : () -> directory.invitations.invite("agent" + i + "@shop.example", AccessLevel.LIMITED,
                                null, owner));

                SeatUsage usage = directory.seats.usage();
                assertEquals(seats, usage.used(), usage + " after " + outcomes);
                long refused = outcomes.stream().filter(AgentException.class::isInstance).count();
                assertEquals(RACERS - (seats - 1), refused, outcomes.toString());
                for (Object outcome : outcomes) {
                    if (outcome instanceof AgentException refusal) {
                        assertEquals("seats", refusal.field(), refusal.getMessage());
                    } else {
                        assertTrue(!(outcome instanceof Throwable), String.valueOf(outcome));
                    }
                }
            }
        }
    }
}
