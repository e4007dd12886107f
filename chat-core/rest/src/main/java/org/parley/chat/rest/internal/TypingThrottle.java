package org.parley.chat.rest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides which typing frames are forwarded. Per sender and conversation: {@code typing:true} at most once every
 * {@link #INTERVAL_MILLIS} while the indicator is shown (the others are dropped silently, but keep it alive), and
 * after it ended as soon as {@link #RESTART_MILLIS} have passed since the last one forwarded; {@code typing:false} only
 * when it ends an indicator that was shown, and an indicator that hears nothing for {@link #EXPIRY_MILLIS} ends by
 * itself ({@link #expire()}). Keeps nothing beyond that; nothing is stored.
 */
final class TypingThrottle {
    static final long INTERVAL_MILLIS = 2_000;
    static final long EXPIRY_MILLIS = 6_000;
    /** A new indicator after one ended waits at least this long, so toggling cannot flood the other side. */
    static final long RESTART_MILLIS = 500;

    /** Who is typing where. */
    record Typist(String conversationId, Json.SenderView sender) {}

    private static final class State {
        long lastForwarded;
        long lastHeard;
        boolean shown;
    }

    private final LongSupplier clockMillis;
    private final Map<Typist, State> states = new HashMap<>();

    /** @param clockMillis the current time in milliseconds (a fake clock in tests) */
    TypingThrottle(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** Whether this frame is forwarded. */
    synchronized boolean accept(Typist typist, boolean typing) {
        long now = clockMillis.getAsLong();
        State state = states.get(typist);
        if (!typing) {
            if (state == null || !state.shown) {
                return false;
            }
            state.shown = false;
            return true;
        }
        if (state == null) {
            state = new State();
            state.lastForwarded = now - INTERVAL_MILLIS;
            states.put(typist, state);
        }
        state.lastHeard = now;
        // While shown, repeats are dropped for the interval; once it has ended (typing:false, or expired), a new
        // indicator starts at once: the other side must not miss that typing began again.
        long wait = state.shown ? INTERVAL_MILLIS : RESTART_MILLIS;
        if (now - state.lastForwarded >= wait) {
            state.lastForwarded = now;
            state.shown = true;
            return true;
        }
        return false;
    }

    /**
     * The indicators that heard nothing for {@link #EXPIRY_MILLIS}: the caller forwards {@code typing:false} for each.
     * Also forgets senders that stopped long enough ago that the interval no longer matters.
     */
    synchronized List<Typist> expire() {
        long now = clockMillis.getAsLong();
        List<Typist> ended = new ArrayList<>();
        for (Iterator<Map.Entry<Typist, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Typist, State> entry = it.next();
            State state = entry.getValue();
            if (state.shown && now - state.lastHeard >= EXPIRY_MILLIS) {
                state.shown = false;
                ended.add(entry.getKey());
            }
            if (!state.shown && now - state.lastForwarded >= INTERVAL_MILLIS) {
                it.remove();
            }
        }
        return ended;
    }
}
