package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Typing indicators and seen marks: who gets them, and the throttle, on a fake clock (no waiting). */
class ConversationSignalsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ConversationSignals signals = new ConversationSignals(new TypingThrottle(now::get), false);
    private final Json.SenderView visitor = new Json.SenderView("VISITOR", "v1", null);
    private final Json.SenderView agent = new Json.SenderView("AGENT", "a1", "Ann");

    private static final class Connection implements ConversationSignals.Listener {
        final boolean agent;
        final List<Map<?, ?>> frames = new ArrayList<>();

        Connection(boolean agent) {
            this.agent = agent;
        }

        @Override
        public boolean agent() {
            return agent;
        }

        @Override
        public void signal(Object frame) {
            frames.add((Map<?, ?>) frame);
        }

        List<Object> typing() {
            return frames.stream().filter(f -> "typing".equals(f.get("type"))).<Object>map(f -> f.get("typing")).toList();
        }
    }

    @Test
    void typingGoesToTheOtherConnectionsAndVisitorsTypingToEveryDesk() {
        Connection visitorTab = new Connection(false);
        Connection otherTab = new Connection(false);
        Connection agentInChat = new Connection(true);
        Connection agentDeskOnly = new Connection(true);
        signals.follow("c1", visitorTab);
        signals.follow("c1", otherTab);
        signals.follow("c1", agentInChat);
        signals.followDesk(agentInChat); // following both: still one frame
        signals.followDesk(agentDeskOnly);
        signals.follow("c2", new Connection(false));

        signals.typing("c1", visitor, true, visitorTab);

        assertEquals(List.of(), visitorTab.typing(), "never back to the sender's own connection");
        assertEquals(List.of(true), otherTab.typing());
        assertEquals(List.of(true), agentInChat.typing());
        assertEquals(List.of(true), agentDeskOnly.typing());
        Map<?, ?> frame = agentDeskOnly.frames.get(0);
        assertEquals("c1", frame.get("conversationId"));
        assertEquals(visitor, frame.get("sender"));

        signals.typing("c1", agent, true, agentInChat);
        assertEquals(List.of(true), agentDeskOnly.typing(), "agents' typing is not a desk frame");
        assertEquals(List.of(true), visitorTab.typing());
        assertEquals(List.of(true, true), otherTab.typing());
    }

    @Test
    void typingIsForwardedAtMostOnceEveryTwoSecondsAndEndsWithFalseOrAfterSixSeconds() {
        Connection agentDesk = new Connection(true);
        signals.followDesk(agentDesk);

        signals.typing("c1", visitor, true, null);
        now.addAndGet(500);
        signals.typing("c1", visitor, true, null); // dropped
        now.addAndGet(1_499);
        signals.typing("c1", visitor, true, null); // dropped: 1.999 s after the forwarded one
        assertEquals(List.of(true), agentDesk.typing());
        now.addAndGet(1);
        signals.typing("c1", visitor, true, null); // 2 s: forwarded
        signals.typing("c1", visitor, false, null);
        signals.typing("c1", visitor, false, null); // nothing to end
        assertEquals(List.of(true, true, false), agentDesk.typing());

        now.addAndGet(2_000);
        signals.typing("c1", visitor, true, null);
        now.addAndGet(5_999);
        signals.expireTyping();
        assertEquals(List.of(true, true, false, true), agentDesk.typing());
        now.addAndGet(1);
        signals.expireTyping();
        assertEquals(List.of(true, true, false, true, false), agentDesk.typing(), "ends 6 s after the last frame");
        signals.expireTyping();
        assertEquals(5, agentDesk.typing().size());
    }

    @Test
    void typingThatStartsAgainAfterAnEndIsShownAtOnceButTogglingIsNotForwardedEveryTime() {
        Connection agentDesk = new Connection(true);
        signals.followDesk(agentDesk);
        signals.typing("c1", visitor, true, null);
        now.addAndGet(300);
        signals.typing("c1", visitor, false, null); // sent the message
        now.addAndGet(100);
        signals.typing("c1", visitor, true, null); // toggled again within 0.5 s of the last start: dropped
        assertEquals(List.of(true, false), agentDesk.typing());
        now.addAndGet(100);
        signals.typing("c1", visitor, true, null); // 0.5 s after the last start, 0.2 s after the end: shown again
        assertEquals(List.of(true, false, true), agentDesk.typing(),
                "a new indicator does not wait out the 2 s meant for repeats");
    }

    @Test
    void throttledFramesStillKeepTheIndicatorAlive() {
        Connection agentDesk = new Connection(true);
        signals.followDesk(agentDesk);
        signals.typing("c1", visitor, true, null);
        now.addAndGet(1_000);
        signals.typing("c1", visitor, true, null); // dropped, but heard
        now.addAndGet(5_500);
        signals.expireTyping();
        assertEquals(List.of(true), agentDesk.typing());
    }

    @Test
    void eachSenderAndConversationHasItsOwnThrottle() {
        Connection desk = new Connection(true);
        signals.followDesk(desk);
        signals.typing("c1", visitor, true, null);
        signals.typing("c2", visitor, true, null);
        signals.typing("c1", new Json.SenderView("VISITOR", "v2", null), true, null);
        assertEquals(3, desk.typing().size());
    }

    @Test
    void seenMarksGoToTheOtherParty() {
        Connection visitorTab = new Connection(false);
        Connection agentInChat = new Connection(true);
        Connection agentDeskOnly = new Connection(true);
        signals.follow("c1", visitorTab);
        signals.follow("c1", agentInChat);
        signals.followDesk(agentDeskOnly);

        signals.seen("c1", 4, visitor);
        assertTrue(visitorTab.frames.isEmpty());
        assertEquals(4L, agentInChat.frames.get(0).get("seq"));
        assertEquals(visitor, agentDeskOnly.frames.get(0).get("by"));

        signals.seen("c1", 5, agent);
        assertEquals(agent, visitorTab.frames.get(0).get("by"));
        assertEquals(1, agentInChat.frames.size());
        assertEquals(1, agentDeskOnly.frames.size());
    }

    @Test
    void availabilityGoesToVisitorsConnections() {
        Connection visitorTab = new Connection(false);
        var following = signals.followAvailability(visitorTab);
        signals.availability(true);
        following.close();
        signals.availability(false);
        assertEquals(List.of(Map.of("type", "availability", "online", true)), visitorTab.frames);
        assertFalse(visitorTab.agent());
    }
}
