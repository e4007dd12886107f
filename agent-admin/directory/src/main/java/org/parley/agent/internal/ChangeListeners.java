package org.parley.agent.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AgentChangeListener}s one component tells about the changes it commits; DS adds and removes them as
 * they come and go (a dynamic reference of the component).
 */
final class ChangeListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<AgentChangeListener> listeners = new CopyOnWriteArrayList<>();

    void add(AgentChangeListener listener) {
        listeners.add(listener);
    }

    void remove(AgentChangeListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; call after the commit. A failing listener does not undo the change or stop the rest. */
    void changed(Agent agent) {
        if (agent == null) {
            return;
        }
        for (AgentChangeListener listener : listeners) {
            try {
                listener.agentChanged(agent);
            } catch (RuntimeException e) {
                LOG.error("Agent change listener {} failed", listener, e);
            }
        }
    }
}
