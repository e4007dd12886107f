package org.parley.agent.api;

/**
 * The installation's plan.
 *
 * @param tier free or paid
 * @param seats how many agents and pending invitations there may be at once: {@link #FREE_SEATS} on the free plan,
 *     1 to {@link #MAX_SEATS} on a paid one
 */
public record Plan(PlanTier tier, int seats) {
    /** The free plan's seats. */
    public static final int FREE_SEATS = 3;
    /** The most seats a paid plan may have. */
    public static final int MAX_SEATS = 10_000;
}
