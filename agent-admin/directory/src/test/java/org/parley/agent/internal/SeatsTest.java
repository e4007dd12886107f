package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.CONFLICT;
import static org.parley.agent.api.AgentException.Reason.INVALID;

import java.time.Duration;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.SeatUsage;
import org.parley.platform.database.TestDatabase;

/** The plan's seats: agents and pending invitations together never go beyond them. */
class SeatsTest {

    @OnEachDatabase
    void aNewInstallationIsOnTheFreePlanWithThreeSeats(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            SeatUsage usage = directory.seats.usage();
            assertEquals(new Plan(PlanTier.FREE, 3), usage.plan());
            assertEquals(0, usage.used());
            assertFalse(usage.warning());
        }
    }

    @OnEachDatabase
    void theFourthAgentOfTheFreePlanIsRefusedWithoutWritingAnything(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            directory.createOwner();
            directory.create("anna", AccessLevel.FULL);
            directory.create("ben", AccessLevel.LIMITED);
            AgentException refusal = directory.assertRefused(CONFLICT, "seats",
                    () -> directory.create("carl", AccessLevel.LIMITED));
            assertEquals("All 3 seats are taken: 3 agents and 0 pending invitations. Delete an agent, revoke an"
                    + " invitation or move to a paid plan.", refusal.getMessage());
            assertTrue(directory.seats.usage().warning());
        }
    }

    @OnEachDatabase
    void pendingInvitationsTakeSeatsUntilTheyExpireOrAreRevoked(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            String owner = directory.createOwner().id();
            directory.invitations.invite("anna@shop.example", AccessLevel.FULL, null, owner);
            String ben = directory.invitations.invite("ben@shop.example", AccessLevel.LIMITED, null, owner)
                    .invitation().id();
            assertEquals(new SeatUsage(new Plan(PlanTier.FREE, 3), 1, 2), directory.seats.usage());
            directory.assertRefused(CONFLICT, "seats", () -> directory.create("carl", AccessLevel.LIMITED));
            directory.assertRefused(CONFLICT, "seats",
                    () -> directory.invitations.invite("carl@shop.example", AccessLevel.LIMITED, null, owner));

            directory.invitations.revoke(ben);
            directory.create("carl", AccessLevel.LIMITED);
            directory.clock.advance(SqlInvitations.VALIDITY);
            assertEquals(2, directory.seats.usage().used(), "the expired invitation frees its seat");
            directory.create("dora", AccessLevel.LIMITED);
        }
    }

    @OnEachDatabase
    void aPaidPlanHasTheSeatsTheOwnerSets(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            directory.createOwner();
            SeatUsage usage = directory.seats.changePlan(PlanTier.PAID, 5);
            assertEquals(new Plan(PlanTier.PAID, 5), usage.plan());
            for (String name : List.of("anna", "ben", "carl", "dora")) {
                directory.create(name, AccessLevel.LIMITED);
            }
            assertTrue(directory.seats.usage().warning());
            directory.assertRefused(CONFLICT, "seats", () -> directory.create("emil", AccessLevel.LIMITED));
        }
    }

    @OnEachDatabase
    void seatsBelowTheCurrentUsageAreRefused(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            String owner = directory.createOwner().id();
            directory.seats.changePlan(PlanTier.PAID, 10);
            directory.create("anna", AccessLevel.LIMITED);
            directory.create("ben", AccessLevel.LIMITED);
            directory.invitations.invite("carl@shop.example", AccessLevel.LIMITED, null, owner);
            directory.assertRefused(CONFLICT, "seats", () -> directory.seats.changePlan(PlanTier.PAID, 3));
            directory.assertRefused(CONFLICT, "seats", () -> directory.seats.changePlan(PlanTier.FREE, 0));
            directory.assertRefused(INVALID, "seats", () -> directory.seats.changePlan(PlanTier.PAID, 0));
            directory.assertRefused(INVALID, "plan", () -> directory.seats.changePlan(null, 5));
            assertEquals(new Plan(PlanTier.PAID, 4), directory.seats.changePlan(PlanTier.PAID, 4).plan());
            directory.clock.advance(Duration.ofDays(8));
            assertEquals(new Plan(PlanTier.FREE, 3), directory.seats.changePlan(PlanTier.FREE, 99).plan(),
                    "the free plan always has 3 seats; the expired invitation no longer counts");
        }
    }

    @OnEachDatabase
    void theSetupOwnerTakesASeatLikeEveryAgent(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.onFreePlan(kind)) {
            directory.agents.create(new NewAgent("Olivia", "olivia", "secret", null, AccessLevel.OWNER));
            assertEquals(1, directory.seats.usage().agents());
        }
    }
}
