package org.parley.chat.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of a conversation as they are stored. Implemented by the transports that push them. */
@ConsumerType
@FunctionalInterface
public interface MessageSubscriber {
    /**
     * Called once for each newly stored message, after it is committed. Messages posted at the same moment may
     * arrive out of order; {@link Message#seq()} tells their order. Must return quickly and must not block.
     */
    void stored(Message message);
}
