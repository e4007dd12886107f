package org.parley.chat.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewAgent;
import org.parley.agent.api.Presence;
import org.parley.agent.internal.AgentDatabase;
import org.parley.agent.internal.SqlAgentDirectory;
import org.parley.platform.database.TestDatabase;

/** The widget's "is anyone there?" from the real agent directory (H2): a boolean, pushed to visitors when it flips. */
class AgentAvailabilityTest {

    @Test
    void onlineWhenAnActiveEnabledAgentIsOnlineAndVisitorsHearTheFlips() {
        try (TestDatabase db = TestDatabase.h2()) {
            SqlAgentDirectory directory = new SqlAgentDirectory(new AgentDatabase(db.connection()), Clock.systemUTC());
            ConversationSignals signals = new ConversationSignals(new TypingThrottle(System::currentTimeMillis), false);
            Agent ann = directory.create(new NewAgent("Ann", "ann", "secret-ann-1", null, AccessLevel.LIMITED));
            AgentAvailability availability = new AgentAvailability(directory, signals);
            try {
                List<Object> frames = new ArrayList<>();
                availability.follow(new ConversationSignals.Listener() {
                    @Override
                    public boolean agent() {
                        return false;
                    }

                    @Override
                    public void signal(Object frame) {
                        frames.add(frame);
                    }
                });
                assertFalse(availability.online());

                directory.setPresence(ann.id(), Presence.ONLINE);
                availability.refresh();
                assertTrue(availability.online());
                availability.refresh(); // no flip, no frame

                directory.setActive(List.of(ann.id()), false);
                availability.refresh();
                assertFalse(availability.online(), "an inactive agent is not online");

                assertEquals(List.of(ConversationSignals.availabilityFrame(false),
                        ConversationSignals.availabilityFrame(true), ConversationSignals.availabilityFrame(false)),
                        frames);
            } finally {
                availability.stop();
            }
        }
    }
}
