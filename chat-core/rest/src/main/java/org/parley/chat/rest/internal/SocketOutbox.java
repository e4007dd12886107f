package org.parley.chat.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the frames of the WebSocket connections on threads of its own, so that the thread that stored a message
 * never writes to a socket, and the frames waiting for one connection go out together, in one write where the
 * server allows it ({@link FrameSinks}): a visitor's copy of their message with its {@code sent} frame, an agent's
 * messages and desk frames of the moment (docs/performance.md, thirteenth round). Each connection is always written
 * by the same thread, in the order its frames were handed in.
 */
final class SocketOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketOutbox.class);
    static final int THREADS = 2;

    /** Where one connection's frames go. */
    interface Sink {
        /** Writes the frames, in order, without waiting for the network; nothing when the connection has closed. */
        void write(List<String> frames);
    }

    private final ExecutorService[] writers = DaemonThreads.singles("parley-socket-outbox", THREADS);
    private final AtomicInteger opened = new AtomicInteger();

    /** A connection whose frames this outbox writes to {@code sink}, always on the same thread. */
    Connection open(Sink sink) {
        return new Connection(sink, writers[Math.floorMod(opened.getAndIncrement(), THREADS)]);
    }

    /** One connection's frames, and what is to happen after them (a close), waiting to be written. */
    static final class Connection {
        private final Sink sink;
        private final Executor writer;
        /** Frames ({@code String}) and actions ({@code Runnable}) in the order they came. */
        private final Queue<Object> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean queued = new AtomicBoolean();

        private Connection(Sink sink, Executor writer) {
            this.sink = sink;
            this.writer = writer;
        }

        /** Queues a frame; it is written after every frame queued before it. */
        void send(String frame) {
            add(frame);
        }

        /** Runs the action on the writing thread once every frame queued before it is written, e.g. a close. */
        void then(Runnable action) {
            add(action);
        }

        private void add(Object item) {
            waiting.add(item);
            // Whoever flips the flag puts the connection in line; the writer clears it before it takes what waits.
            if (queued.compareAndSet(false, true)) {
                try {
                    writer.execute(this::writeWaiting);
                } catch (RejectedExecutionException e) {
                    LOG.debug("The outbox has stopped; the connection closes with it", e);
                }
            }
        }

        /** Writes what waits: the frames in one go, up to each action, which runs in its place. */
        private void writeWaiting() {
            queued.set(false);
            List<String> frames = new ArrayList<>();
            try {
                for (Object item; (item = waiting.poll()) != null;) {
                    if (item instanceof String frame) {
                        frames.add(frame);
                    } else {
                        flush(frames);
                        ((Runnable) item).run();
                    }
                }
                flush(frames);
            } catch (RuntimeException e) {
                // A broken connection: its client reconnects and resumes from its last sequence number.
                LOG.debug("Cannot write to a connection", e);
            }
        }

        private void flush(List<String> frames) {
            if (!frames.isEmpty()) {
                sink.write(List.copyOf(frames));
                frames.clear();
            }
        }
    }

    /** Stops writing; what still waits is dropped with the connections, whose clients resume when they reconnect. */
    @Override
    public void close() {
        for (ExecutorService writer : writers) {
            writer.shutdownNow();
        }
    }
}
