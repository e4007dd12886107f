package org.parley.chat.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    private final List<BlockingQueue<Connection>> ready = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean running = true;

    SocketOutbox() {
        for (int i = 0; i < THREADS; i++) {
            BlockingQueue<Connection> queue = new LinkedBlockingQueue<>();
            ready.add(queue);
            Thread thread = new Thread(() -> run(queue), "parley-socket-outbox-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** A connection whose frames this outbox writes to {@code sink}. */
    Connection open(Sink sink) {
        return new Connection(sink, ready.get(Math.floorMod(opened.getAndIncrement(), THREADS)));
    }

    /** One connection's frames, and what is to happen after them (a close), waiting to be written. */
    static final class Connection {
        private final Sink sink;
        private final BlockingQueue<Connection> ready;
        /** Frames ({@code String}) and actions ({@code Runnable}) in the order they came. */
        private final Queue<Object> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean queued = new AtomicBoolean();

        private Connection(Sink sink, BlockingQueue<Connection> ready) {
            this.sink = sink;
            this.ready = ready;
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
                ready.add(this);
            }
        }

        /** Writes what waits: the frames in one go, up to each action, which runs in its place. */
        void writeWaiting() {
            queued.set(false);
            List<String> frames = new ArrayList<>();
            for (Object item; (item = waiting.poll()) != null;) {
                if (item instanceof String frame) {
                    frames.add(frame);
                } else {
                    flush(frames);
                    ((Runnable) item).run();
                }
            }
            flush(frames);
        }

        private void flush(List<String> frames) {
            if (!frames.isEmpty()) {
                sink.write(List.copyOf(frames));
                frames.clear();
            }
        }
    }

    private void run(BlockingQueue<Connection> queue) {
        while (running) {
            Connection next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                next.writeWaiting();
            } catch (RuntimeException e) {
                // One broken connection must not keep the frames from the others; its client reconnects and resumes.
                LOG.debug("Cannot write to a connection", e);
            }
        }
    }

    /** Stops writing; what still waits is dropped with the connections, whose clients resume when they reconnect. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }
}
