package org.parley.chat.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives every change to the agents' lists. Implemented by the transports that push them to agents' desks. */
@ConsumerType
@FunctionalInterface
public interface DeskSubscriber {
    /** Called after the change is committed. Must return quickly and must not block. */
    void changed(DeskEvent event);
}
