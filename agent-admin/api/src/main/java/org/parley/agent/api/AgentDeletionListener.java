package org.parley.agent.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes part in deleting agents, for example to put their open conversations back in the queue. Implemented by other
 * bundles (chat core) and registered as OSGi services; the directory calls every registered listener (the whiteboard
 * pattern).
 *
 * <p>Listeners are called <em>inside</em> the deletion's transaction, on the deleting thread, after the agents' rows
 * are deleted and before the commit, with that transaction's JDBC connection. Every bundle uses the same
 * {@code Database} service, so the listener's own tables are in the same database and its writes on the connection
 * commit or roll back together with the deletion: no conversation keeps a deleted agent, and no conversation is
 * requeued for a deletion that did not happen.
 *
 * <p>A listener that throws refuses the deletion: the whole transaction rolls back (agents, memberships, sessions and
 * every other listener's writes), and {@link AgentDirectory#delete} throws. An {@link AgentException} thrown by the
 * listener reaches the caller unchanged, so a listener can refuse with a reason and field of its own; any other
 * exception reaches the caller as it is (HTTP 500 in the REST API), an {@link SQLException} wrapped in an
 * {@link IllegalStateException}.
 */
@ConsumerType
@FunctionalInterface
public interface AgentDeletionListener {
    /**
     * Called in the deletion's transaction, once per deletion of one or more agents.
     *
     * @param agents the agents as they were just before deletion
     * @param transaction the deletion's connection: use it for statements only; never commit, roll back, close it or
     *     change its auto-commit, which the directory owns
     * @return what to do once the deletion is committed, such as telling the people affected, or null for nothing;
     *     never run when the deletion rolls back. It runs on the deleting thread; its exceptions are logged and do not
     *     undo the deletion
     * @throws SQLException to refuse the deletion, as any exception does
     */
    Runnable agentsDeleting(List<Agent> agents, Connection transaction) throws SQLException;
}
