package org.parley.agent.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets agents offline once their last session has ended without a sign-out: the browser was closed and the session
 * expired ({@link SqlAgentSessions#IDLE_TIMEOUT} idle, or its maximum lifetime). Without this, an agent who left
 * would stay online for routing and in colleagues' lists. Runs every minute; the change is announced like any other.
 */
@Component(immediate = true)
public class PresenceSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceSweeper.class);
    static final long PERIOD_SECONDS = 60;

    private final SqlAgentSessions sessions;
    private final AgentDirectory directory;
    private final ScheduledExecutorService timer;

    @Activate
    public PresenceSweeper(@Reference SqlAgentSessions sessions, @Reference AgentDirectory directory) {
        this(sessions, directory, true);
    }

    PresenceSweeper(SqlAgentSessions sessions, AgentDirectory directory, boolean scheduled) {
        this.sessions = sessions;
        this.directory = directory;
        this.timer = scheduled ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-presence-sweeper");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::sweepQuietly, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Sets every online agent without a live session offline; answers their ids. */
    List<String> sweep() {
        List<String> gone = sessions.onlineWithoutSession();
        for (String id : gone) {
            try {
                directory.setPresence(id, Presence.OFFLINE);
            } catch (AgentException deletedMeanwhile) {
                // Nobody left to set offline.
            }
        }
        return gone;
    }

    private void sweepQuietly() {
        try {
            List<String> gone = sweep();
            if (!gone.isEmpty()) {
                LOG.info("Set {} agent(s) offline whose sessions had ended: {}", gone.size(), gone);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check agents' presence against their sessions", e);
        }
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
