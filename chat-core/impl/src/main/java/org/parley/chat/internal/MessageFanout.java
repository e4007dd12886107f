package org.parley.chat.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.chat.api.Conversations.Subscription;
import org.parley.chat.api.Message;
import org.parley.chat.api.MessageSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands stored messages to the subscribers of their conversation, in this JVM. */
final class MessageFanout {
    private static final Logger LOG = LoggerFactory.getLogger(MessageFanout.class);

    private final Map<String, Set<MessageSubscriber>> subscribers = new ConcurrentHashMap<>();

    Subscription subscribe(String conversationId, MessageSubscriber subscriber) {
        subscribers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.computeIfPresent(conversationId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    void publish(Message message) {
        Set<MessageSubscriber> targets = subscribers.get(message.conversationId());
        if (targets == null) {
            return;
        }
        for (MessageSubscriber subscriber : targets) {
            try {
                subscriber.stored(message);
            } catch (RuntimeException e) {
                // One broken subscriber must not keep the message from the others.
                LOG.warn("A subscriber of conversation {} failed", message.conversationId(), e);
            }
        }
    }

    int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
