package org.parley.chat.rest.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.parley.chat.api.Conversations;

/**
 * The live frames that are not stored messages: typing indicators, seen marks and the agents' availability. They go
 * to the connections (WebSocket or Server-Sent Events) of this node that follow the conversation, and visitors'
 * typing and seen marks also to every agent's desk, so lists can show them without subscribing. In memory, per node,
 * like the message fan-out.
 */
@Component(service = ConversationSignals.class)
public class ConversationSignals {
    /** How often expired typing indicators are looked for: they end 6 to 7 seconds after the last frame. */
    static final long EXPIRY_CHECK_MILLIS = 1_000;

    /** A connection that receives these frames. */
    interface Listener {
        /** Whether the connection speaks for an agent (else for a visitor). */
        boolean agent();

        /** Sends the frame; must not block. */
        void signal(Object frame);
    }

    private final Map<String, Set<Listener>> followers = new ConcurrentHashMap<>();
    private final Set<Listener> desks = ConcurrentHashMap.newKeySet();
    private final Set<Listener> visitors = ConcurrentHashMap.newKeySet();
    private final TypingThrottle throttle;
    private final ScheduledExecutorService expiry;

    @Activate
    public ConversationSignals() {
        this(new TypingThrottle(System::currentTimeMillis), true);
    }

    ConversationSignals(TypingThrottle throttle, boolean expireOnOwnThread) {
        this.throttle = throttle;
        if (expireOnOwnThread) {
            expiry = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parley-typing-expiry"));
            expiry.scheduleWithFixedDelay(this::expireTyping, EXPIRY_CHECK_MILLIS, EXPIRY_CHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
        } else {
            expiry = null;
        }
    }

    @Deactivate
    void stop() {
        if (expiry != null) {
            expiry.shutdownNow();
        }
    }

    /** The conversation's typing and seen frames, until closed. */
    Conversations.Subscription follow(String conversationId, Listener listener) {
        followers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> followers.computeIfPresent(conversationId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** An agent's desk: visitors' typing and seen frames of every conversation, until closed. */
    Conversations.Subscription followDesk(Listener listener) {
        desks.add(listener);
        return () -> desks.remove(listener);
    }

    /** A visitor's connection: {@code availability} frames, until closed. */
    Conversations.Subscription followAvailability(Listener listener) {
        visitors.add(listener);
        return () -> visitors.remove(listener);
    }

    /**
     * Forwards a typing frame, unless the throttle drops it, to everyone following the conversation except the
     * sender's own connection.
     */
    void typing(String conversationId, Json.SenderView sender, boolean typing, Listener source) {
        if (throttle.accept(new TypingThrottle.Typist(conversationId, sender), typing)) {
            sendTyping(conversationId, sender, typing, source);
        }
    }

    void expireTyping() {
        throttle.expire().forEach(typist -> sendTyping(typist.conversationId(), typist.sender(), false, null));
    }

    private void sendTyping(String conversationId, Json.SenderView sender, boolean typing, Listener source) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "typing");
        frame.put("conversationId", conversationId);
        frame.put("typing", typing);
        frame.put("sender", sender);
        Set<Listener> to = new LinkedHashSet<>(followers.getOrDefault(conversationId, Set.of()));
        if ("VISITOR".equals(sender.type())) {
            to.addAll(desks);
        }
        to.remove(source);
        to.forEach(listener -> listener.signal(frame));
    }

    /**
     * Tells the other party that {@code by} has seen the conversation's messages up to {@code seq}: a visitor's mark
     * goes to the agents (following the conversation, or their desks), an agent's to the visitor's connections.
     */
    void seen(String conversationId, long seq, Json.SenderView by) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "seen");
        frame.put("conversationId", conversationId);
        frame.put("seq", seq);
        frame.put("by", by);
        boolean byVisitor = "VISITOR".equals(by.type());
        Set<Listener> to = new LinkedHashSet<>();
        for (Listener listener : followers.getOrDefault(conversationId, Set.of())) {
            if (listener.agent() == byVisitor) {
                to.add(listener);
            }
        }
        if (byVisitor) {
            to.addAll(desks);
        }
        to.forEach(listener -> listener.signal(frame));
    }

    static Map<String, Object> availabilityFrame(boolean online) {
        return Map.of("type", "availability", "online", online);
    }

    /** Tells every visitor's connection whether an agent is online now. */
    void availability(boolean online) {
        Object frame = availabilityFrame(online);
        visitors.forEach(listener -> listener.signal(frame));
    }
}
