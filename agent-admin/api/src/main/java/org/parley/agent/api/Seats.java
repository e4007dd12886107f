package org.parley.agent.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The installation's plan and the seats taken. Provided by the agent directory bundle; used by the admin pages.
 * {@link AgentDirectory#create} and {@link Invitations#invite} refuse to go beyond the plan's seats, also when
 * requests arrive at the same time.
 */
@ProviderType
public interface Seats {

    /** The plan and the seats taken now. */
    SeatUsage usage();

    /**
     * Changes the plan.
     *
     * @param seats the paid plan's seats; ignored for the free plan, which has {@link Plan#FREE_SEATS}
     * @return the usage under the new plan
     * @throws AgentException INVALID ({@code "plan"}) without a tier, INVALID ({@code "seats"}) for a paid plan with
     *     fewer than 1 or more than {@link Plan#MAX_SEATS} seats; CONFLICT ({@code "seats"}) when fewer seats than
     *     are taken now
     */
    SeatUsage changePlan(PlanTier tier, int seats);
}
