package org.parley.chat.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.service.component.annotations.Component;
import org.parley.chat.api.VisitorPresence;

/**
 * The visitors' open widget connections, counted per visitor in memory: one Parley node per database (as for the
 * message fan-out), and after a restart the widgets reconnect anyway.
 */
@Component(service = VisitorPresence.class)
public class MemoryVisitorPresence implements VisitorPresence {
    private final ConcurrentMap<String, Integer> connections = new ConcurrentHashMap<>();

    @Override
    public void connected(String visitorId) {
        connections.merge(visitorId, 1, Integer::sum);
    }

    @Override
    public void disconnected(String visitorId) {
        // Removing the entry at zero keeps the map as small as the number of connected visitors.
        connections.computeIfPresent(visitorId, (id, count) -> count <= 1 ? null : count - 1);
    }

    @Override
    public boolean isConnected(String visitorId) {
        return connections.containsKey(visitorId);
    }
}
