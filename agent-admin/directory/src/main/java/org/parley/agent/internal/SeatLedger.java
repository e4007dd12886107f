package org.parley.agent.internal;

import java.time.OffsetDateTime;
import org.apache.ibatis.session.SqlSession;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;
import org.parley.agent.api.SeatUsage;

/**
 * The seat rule inside a transaction: agents plus pending invitations stay within the plan's seats. A write that
 * takes a seat calls {@link #lock} before its other checks, so that simultaneous creations and invitations wait for
 * each other instead of all taking the last seat, then {@link #requireFreeSeat} before it inserts.
 */
final class SeatLedger {
    private SeatLedger() {}

    /** The plan, locked until the transaction ends. */
    static Plan lock(SqlSession session) {
        return session.getMapper(PlanMapper.class).lock().toPlan();
    }

    /** The seats taken now; {@code exceptInvitation} (or null) is not counted. */
    static SeatUsage usage(SqlSession session, Plan plan, OffsetDateTime now, String exceptInvitation) {
        int agents = session.getMapper(AgentMapper.class).count();
        int pending = session.getMapper(InvitationMapper.class)
                .countPending(now, exceptInvitation == null ? "" : exceptInvitation);
        return new SeatUsage(plan, agents, pending);
    }

    /**
     * Refuses when no seat is free.
     *
     * @param exceptInvitation the invitation that gives up its seat in the same transaction (accepted or renewed),
     *     or null
     */
    static void requireFreeSeat(SqlSession session, Plan plan, OffsetDateTime now, String exceptInvitation) {
        SeatUsage usage = usage(session, plan, now, exceptInvitation);
        if (usage.used() >= plan.seats()) {
            throw FieldRules.conflict("seats", "All " + plan.seats() + " seats are taken: " + count(usage.agents(),
                    "agent") + " and " + count(usage.pendingInvitations(), "pending invitation") + ". Delete an"
                    + " agent, revoke an invitation or " + (plan.tier() == PlanTier.FREE
                            ? "move to a paid plan" : "add seats to the plan") + ".");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
