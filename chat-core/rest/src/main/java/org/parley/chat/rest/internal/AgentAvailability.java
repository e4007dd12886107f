package org.parley.chat.rest.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.AgentDirectory;
import org.parley.chat.api.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether any agent is online (online, active and enabled: {@link Agent#isOnline()}), for the widget: a boolean only,
 * never the team's size. The answer is cached and read again from the directory when an agent changes (told after
 * commit, read on a thread of its own) and every few seconds in case a change was not told; visitors' connections get
 * an {@code availability} frame when it flips.
 */
@Component(service = {AgentChangeListener.class, AgentAvailability.class})
public class AgentAvailability implements AgentChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentAvailability.class);
    /** The oldest the cached answer gets. */
    static final long REFRESH_MILLIS = 5_000;

    private final AgentDirectory directory;
    private final ConversationSignals signals;
    private final ScheduledExecutorService reads =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parley-agent-availability"));
    private volatile boolean online;

    @Activate
    public AgentAvailability(@Reference AgentDirectory directory, @Reference ConversationSignals signals) {
        this.directory = directory;
        this.signals = signals;
        this.online = anyoneOnline(directory);
        reads.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        reads.shutdownNow();
    }

    /** The cached answer: at most {@link #REFRESH_MILLIS} old, and fresh right after a change that was told. */
    boolean online() {
        return online;
    }

    /**
     * Sends the listener an {@code availability} frame now and whenever the answer flips, until closed; under the
     * same lock as the flips, so the first frame is never older than a pushed one.
     */
    synchronized Conversations.Subscription follow(ConversationSignals.Listener listener) {
        Conversations.Subscription following = signals.followAvailability(listener);
        listener.signal(ConversationSignals.availabilityFrame(online));
        return following;
    }

    @Override
    public void agentChanged(Agent agent) {
        reads.execute(this::refresh);
    }

    void refresh() {
        try {
            boolean now = anyoneOnline(directory);
            flip(now);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the agents' availability; keeping the last answer", e);
        }
    }

    private synchronized void flip(boolean now) {
        if (now != online) {
            online = now;
            signals.availability(now);
        }
    }

    static boolean anyoneOnline(AgentDirectory directory) {
        return directory.list().stream().anyMatch(Agent::isOnline);
    }
}
