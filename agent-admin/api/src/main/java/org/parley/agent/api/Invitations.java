package org.parley.agent.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Invitations by email to become an agent. Provided by the agent directory bundle; the caller sends the email with
 * the token, and authorizes. A pending invitation holds one of the plan's {@link Seats}; its link works for
 * {@link #VALIDITY_DAYS} days.
 */
@ProviderType
public interface Invitations {
    /** How long an invitation's link works. */
    int VALIDITY_DAYS = 7;

    /**
     * Invites someone.
     *
     * @param email the address to invite; it becomes the agent's
     * @param accessLevel FULL or LIMITED
     * @param displayName a suggested name, or null
     * @param invitedBy the inviting agent's id
     * @throws AgentException INVALID for a malformed field or OWNER access; CONFLICT ({@code "email"}) when an agent
     *     has the address or an invitation to it is pending (resend that one instead); CONFLICT ({@code "seats"})
     *     when every seat is taken
     */
    NewInvitation invite(String email, AccessLevel accessLevel, String displayName, String invitedBy);

    /**
     * The invitations neither accepted nor revoked, newest first: pending ones, and expired ones to send again or
     * revoke.
     */
    List<Invitation> outstanding();

    /**
     * Gives a pending or expired invitation a new token and another {@link #VALIDITY_DAYS} days; the old link stops
     * working.
     *
     * @throws AgentException NOT_FOUND ({@code "id"}); CONFLICT ({@code "id"}) when it was accepted or revoked;
     *     CONFLICT ({@code "seats"}) when an expired invitation would need a seat and none is free
     */
    NewInvitation resend(String id);

    /**
     * Withdraws a pending or expired invitation; its link stops working and its seat is free.
     *
     * @throws AgentException NOT_FOUND ({@code "id"}); CONFLICT ({@code "id"}) when it was already accepted
     */
    void revoke(String id);

    /** The invitation whose token this is, in whatever status; empty for a token nobody was given. */
    Optional<Invitation> findByToken(String token);

    /**
     * Accepts a pending invitation: creates an enabled, active agent with the invited email and access level, and
     * marks the invitation used, in one transaction.
     *
     * @param displayName the agent's name; null or blank takes the invitation's suggestion
     * @throws AgentException NOT_FOUND ({@code "token"}) for an unknown token; CONFLICT ({@code "token"}) when it
     *     expired, was revoked or used; INVALID or CONFLICT for the agent's fields, as {@link AgentDirectory#create}
     */
    Agent accept(String token, String displayName, String username, String password);
}
