package org.parley.agent.rest.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentChangeListener;
import org.parley.agent.api.AgentDeletionListener;
import org.parley.agent.api.AgentSession;
import org.parley.agent.api.AgentSessions;

/**
 * The open {@code GET /agents/events} streams, and what they are sent: each change of the directory, as the
 * stream's viewer may see it, and a heartbeat comment. Before every event the viewer's session is looked at again
 * (without counting as a use): once it has ended, for whatever reason, the stream is closed instead of sent to, so a
 * signed-out, disabled, deleted or expired viewer hears nothing more. Sign-out closes the stream at once; the
 * heartbeat closes the streams whose session ended in other ways (expiry).
 *
 * <p>All sending happens on one thread, in the order the changes were told, so the directory's threads never wait
 * for slow clients.
 */
@Component(service = {AgentEvents.class, AgentChangeListener.class, AgentDeletionListener.class})
public final class AgentEvents implements AgentChangeListener, AgentDeletionListener {
    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final AgentSessions sessions;
    private final Executor sender;
    private final ScheduledExecutorService scheduler;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    /** One open stream: whose session it belongs to, and where its events go. */
    private record Stream(String secret, SseEventSink sink, Sse sse) {}

    @Activate
    public AgentEvents(@Reference AgentSessions sessions) {
        this(sessions, Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parley-agent-events");
            thread.setDaemon(true);
            return thread;
        }));
    }

    private AgentEvents(AgentSessions sessions, ScheduledExecutorService scheduler) {
        this.sessions = sessions;
        this.sender = scheduler;
        this.scheduler = scheduler;
        long seconds = HEARTBEAT.toSeconds();
        scheduler.scheduleWithFixedDelay(this::heartbeat, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Sends with the given executor and beats only when {@link #heartbeat()} is called: for tests. */
    AgentEvents(AgentSessions sessions, Executor sender) {
        this.sessions = sessions;
        this.sender = sender;
        this.scheduler = null;
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        streams.forEach(this::close);
    }

    /** Starts sending to a new stream of the session whose secret this is; the caller checked the session. */
    void open(String secret, SseEventSink sink, Sse sse) {
        sender.execute(() -> {
            Stream stream = new Stream(secret, sink, sse);
            streams.add(stream);
            // Sends the response's headers at once, so the client knows the stream is open.
            send(stream, sse.newEventBuilder().comment("connected").build());
        });
    }

    /** The session ended (signing out): its streams close without another event. */
    void sessionEnded(String secret) {
        sender.execute(() -> streams.stream().filter(stream -> stream.secret().equals(secret)).forEach(this::close));
    }

    @Override
    public void agentChanged(Agent agent) {
        sender.execute(() -> deliver((viewer, sse) -> sse.newEventBuilder()
                .name("agent")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Json.AgentView.class, Json.AgentView.of(agent, AgentPermissions.maySeeDetailsOf(viewer, agent)))
                .build()));
    }

    /** Nothing to change in the deletion's transaction: the streams hear of it once it is committed. */
    @Override
    public Runnable agentsDeleting(List<Agent> agents, java.sql.Connection transaction) {
        return () -> sender.execute(() -> agents.forEach(agent -> deliver((viewer, sse) -> sse.newEventBuilder()
                .name("agent-deleted")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Json.AgentDeleted.class, new Json.AgentDeleted(agent.id()))
                .build())));
    }

    /** A comment on every live stream, which also keeps proxies from closing idle connections. */
    void heartbeat() {
        deliver((viewer, sse) -> sse.newEventBuilder().comment("heartbeat").build());
    }

    /** How many streams are open, for tests. */
    int openStreams() {
        return streams.size();
    }

    /** Sends each stream the event made for its viewer as they are now, or closes it when its session ended. */
    private void deliver(BiFunction<Agent, Sse, OutboundSseEvent> event) {
        for (Stream stream : streams) {
            Optional<AgentSession> session = sessions.peek(stream.secret());
            if (session.isEmpty()) {
                close(stream);
            } else {
                send(stream, event.apply(session.get().agent(), stream.sse()));
            }
        }
    }

    private void send(Stream stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            streams.remove(stream);
            return;
        }
        try {
            stream.sink().send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    close(stream); // the client went away
                }
            });
        } catch (RuntimeException gone) {
            close(stream);
        }
    }

    private void close(Stream stream) {
        streams.remove(stream);
        try {
            stream.sink().close();
        } catch (RuntimeException alreadyGone) {
            // Nothing left to close.
        }
    }
}
