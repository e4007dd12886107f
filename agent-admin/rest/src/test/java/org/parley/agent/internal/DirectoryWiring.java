package org.parley.agent.internal;

import java.time.Clock;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.AgentSessions;

/**
 * What DS does for the REST bundle's tests: binds the listeners that bundle registers to the directory's components,
 * through their package-private bind methods (this class shares their package on the test class path).
 */
public final class DirectoryWiring {
    private DirectoryWiring() {}

    /** Binds the listener as DS binds every AgentChangeListener and AgentDeletionListener service. */
    public static <L extends AgentChangeListener & org.parley.agent.api.AgentDeletionListener> void bind(L listener,
            SqlAgentDirectory directory, SqlInvitations invitations, SqlAgentAvatars avatars) {
        directory.addChangeListener(listener);
        directory.addDeletionListener(listener);
        invitations.addChangeListener(listener);
        avatars.addChangeListener(listener);
    }

    /** Sessions whose expiry follows the given clock. */
    public static AgentSessions sessions(AgentDatabase database, Clock clock) {
        return new SqlAgentSessions(database, clock);
    }
}
