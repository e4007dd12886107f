package org.parley.chat.api;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which visitors are on the website now: those whose widget holds a WebSocket connection, or who loaded a page
 * within {@link #PAGE_VIEW_PRESENCE}. Kept in memory by chat core; the WebSocket transport reports connections.
 */
@ProviderType
public interface VisitorPresence {
    /** A visitor who loaded a page this recently counts as on the website even without a connection. */
    Duration PAGE_VIEW_PRESENCE = Duration.ofMinutes(2);

    /** A connection of the visitor's widget opened (one per browser tab). */
    void connected(String visitorId);

    /** A connection reported by {@link #connected} closed. */
    void disconnected(String visitorId);

    /** Whether the visitor's widget holds at least one connection now. */
    boolean isConnected(String visitorId);
}
