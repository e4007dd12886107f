package org.parley.agent.api;

/** The installation's plan, which decides how many agents it may have. */
public enum PlanTier {
    /** {@link Plan#FREE_SEATS} agents, invitations included. */
    FREE,
    /** As many seats as the owner bought. */
    PAID
}
