package org.parley.agent.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The installation's agents. Provided by the agent directory bundle; used by the admin pages, sign-in and routing.
 *
 * <p>Every change is all-or-nothing: it validates everything first, and when a check fails it throws an
 * {@link AgentException} naming the field at fault and writes nothing. Callers authorize; the directory enforces the
 * rules that hold whoever asks, such as the single owner.
 *
 * <p>Every committed creation and change is told to the {@link AgentChangeListener}s, every deletion to the
 * {@link AgentDeletionListener}s.
 */
@ProviderType
public interface AgentDirectory {

    /**
     * Creates an enabled agent.
     *
     * @throws AgentException INVALID for a malformed field; CONFLICT when the username or email is taken
     *     (regardless of case) or OWNER is asked for while there is an owner; CONFLICT ({@code "seats"}) when the
     *     plan's {@link Seats} are all taken by agents and pending invitations; NOT_FOUND ({@code "queueIds"}) for an
     *     unknown queue
     */
    Agent create(NewAgent agent);

    /** The agent with this id, if there is one. */
    Optional<Agent> find(String id);

    /** The agent who signs in with this username or email address, regardless of case, if there is one. */
    Optional<Agent> findByLogin(String usernameOrEmail);

    /** All agents, by display name. */
    List<Agent> list();

    /** How many agents there are, enabled or not; {@link Seats#usage()} adds the pending invitations. */
    int count();

    /**
     * Changes an agent's editable fields.
     *
     * @throws AgentException NOT_FOUND ({@code "id"}); INVALID for a malformed field; CONFLICT when the email is
     *     taken or the change would make or unmake an owner ({@code "accessLevel"})
     */
    Agent edit(String id, AgentChanges changes);

    /**
     * Enables (may sign in) or disables the agents, all or none. Disabling also ends the agents' open
     * {@linkplain AgentSessions sessions} in the same transaction, so a disabled agent is signed out at once.
     *
     * @throws AgentException NOT_FOUND ({@code "ids"}) when any id is unknown; CONFLICT ({@code "ids"}) when
     *     disabling the owner, who must transfer ownership first so that someone can still manage the installation
     */
    void setEnabled(Collection<String> ids, boolean enabled);

    /**
     * Activates (chats and is handed conversations) or deactivates the agents, all or none.
     *
     * @throws AgentException NOT_FOUND ({@code "ids"}) when any id is unknown
     */
    void setActive(Collection<String> ids, boolean active);

    /**
     * Sets the agent online or offline. Only an active, enabled agent goes online; setting an agent offline always
     * works. Disabling or deactivating an agent sets them offline by itself.
     *
     * @return the agent as changed
     * @throws AgentException NOT_FOUND ({@code "id"}); INVALID ({@code "presence"}) for null; CONFLICT
     *     ({@code "presence"}) when an inactive or disabled agent would go online
     */
    Agent setPresence(String id, Presence presence);

    /**
     * Deletes the agents, all or none. Every registered {@link AgentDeletionListener} takes part in the same
     * transaction; when one of them throws, nothing is deleted and this method throws too.
     *
     * @throws AgentException NOT_FOUND ({@code "ids"}) when any id is unknown; CONFLICT ({@code "ids"}) when one of
     *     them is the owner, who must transfer ownership first; or the AgentException a listener threw
     * @throws RuntimeException any other exception a listener threw (an SQLException wrapped in an
     *     IllegalStateException); nothing was deleted
     */
    void delete(Collection<String> ids);

    /**
     * Makes another agent the owner in one step; the previous owner becomes {@link AccessLevel#FULL}.
     *
     * @param fromId the current owner
     * @param toId the new owner: another agent, who must be enabled
     * @return the new owner
     * @throws AgentException NOT_FOUND for an unknown id; CONFLICT ({@code "fromId"}) when that agent is not the
     *     owner; INVALID ({@code "toId"}) when the new owner is the same agent or disabled
     */
    Agent transferOwnership(String fromId, String toId);

    /**
     * Checks a sign-in. Takes the same time whether or not the login exists, so the answer's timing does not tell
     * which usernames are in use.
     *
     * @param usernameOrEmail the username or email address, regardless of case
     * @return the agent, when the password is theirs and they are enabled
     */
    Optional<Agent> verifyCredentials(String usernameOrEmail, String password);
}
