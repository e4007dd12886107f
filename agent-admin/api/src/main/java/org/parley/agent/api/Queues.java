package org.parley.agent.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The queues agents belong to. Provided by the agent directory bundle; used by the admin pages and by routing.
 * Membership is set on the agent ({@link NewAgent#queueIds()}, {@link AgentChanges#queueIds()}).
 *
 * <p>Names are required, at most 100 characters after removing surrounding blanks, and unique regardless of case
 * (field {@code "name"}). Unknown ids are {@link AgentException.Reason#NOT_FOUND} (field {@code "id"}).
 */
@ProviderType
public interface Queues {
    /** Creates an empty queue. */
    Queue create(String name);

    /** Gives the queue a new name; its members stay. */
    Queue rename(String id, String name);

    /** Deletes the queue; its agents stay, without it. */
    void delete(String id);

    /** The queue with this id, if there is one. */
    Optional<Queue> find(String id);

    /** All queues, by name. */
    List<Queue> list();
}
