package org.parley.chat.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.chat.api.Conversations.Subscription;
import org.parley.chat.api.DeskEvent;
import org.parley.chat.api.DeskSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands changes of the agents' lists to every desk subscriber, in this JVM. */
final class DeskFanout {
    private static final Logger LOG = LoggerFactory.getLogger(DeskFanout.class);

    private final Set<DeskSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    Subscription subscribe(DeskSubscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void publish(DeskEvent event) {
        for (DeskSubscriber subscriber : subscribers) {
            try {
                subscriber.changed(event);
            } catch (RuntimeException e) {
                // One broken desk must not keep the change from the others.
                LOG.warn("A desk subscriber failed on conversation {}", event.conversation().id(), e);
            }
        }
    }
}
