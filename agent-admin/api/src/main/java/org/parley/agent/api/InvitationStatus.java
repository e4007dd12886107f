package org.parley.agent.api;

/** Where an invitation stands. Only a pending invitation holds a seat and can be accepted. */
public enum InvitationStatus {
    /** Sent, and its link works until it expires. */
    PENDING,
    /** Its link was not used in time; resending gives it a new one. */
    EXPIRED,
    /** Withdrawn by an agent with full access. */
    REVOKED,
    /** Used: the invited person is an agent now. */
    ACCEPTED
}
