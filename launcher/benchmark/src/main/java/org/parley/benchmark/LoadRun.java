package org.parley.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The load on one target: M agents and N visitors set up as the widget and the desk would, every conversation taken
 * by an agent, then visitors send messages at a fixed total rate (open loop), as {@code send} frames on their own
 * WebSockets or as HTTP POSTs ({@code --send}), while the agents' WebSockets receive them. The same code drives Parley
 * and the relay.
 */
final class LoadRun {
    /** The warm-up rises to the rate in this many equal steps. */
    static final int WARMUP_STEPS = 5;
    private static final int WARMUP_INDEX = 50;

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String MARK = "bench:";
    /** Client message ids are b{phase}-{n}: unique over the run, and an error frame names its phase. */
    private static final String CLIENT_ID = "\"clientMessageId\":\"b";

    private final Options options;
    private final Target target;
    private final PrintStream out;
    private final int visitorCount;
    private final AtomicReferenceArray<Phase> phases = new AtomicReferenceArray<>(64);

    private final HttpClient visitorSockets = HttpClient.newBuilder().executor(daemonPool("visitor-ws", 2)).build();
    private final HttpClient agentSockets = HttpClient.newBuilder().executor(daemonPool("agent-ws", 2)).build();
    private final List<StreamSocket> sockets = new ArrayList<>();
    /** Every socket once it is subscribed, for the pings: filled while the set-up still opens the others. */
    private final List<StreamSocket> pinged = new CopyOnWriteArrayList<>();
    private String[] tokens;
    private String[] conversations;

    /** What a run measured. */
    record Report(String target, int visitors, int visitorsHeld, int agents, List<Phase.Result> phases,
            long peakRssKb, long peakHeapMb, long peakLiveHeapMb, String heap) {
        Phase.Result main() {
            return phases.get(0);
        }

        /** Whether the last step kept up, so that the maximum lies above the steps tried. */
        boolean keptUpAtLastStep(double p99LimitMs) {
            return phases.get(phases.size() - 1).keptUp(p99LimitMs);
        }

        /** The highest delivered rate among the steps that kept up (the main phase included). */
        double maxSustained(double p99LimitMs) {
            return phases.stream().filter(result -> result.keptUp(p99LimitMs)).mapToDouble(Phase.Result::deliveredPerSecond).max()
                    .orElse(0);
        }
    }

    LoadRun(Options options, Target target, int visitorCount, PrintStream out) {
        this.options = options;
        this.target = target;
        this.visitorCount = visitorCount;
        this.out = out;
    }

    Report run() throws Exception {
        target.start();
        ServerProcess server = target.process();
        try (Api api = new Api("http://localhost:" + server.port, 128)) {
            long begin = System.nanoTime();
            // Pings from the first socket on: a set-up longer than the server's 60 s of silence lost the first
            // visitors' sockets before the load began.
            ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(daemon("pings"));
            pings.scheduleAtFixedRate(new Pinger(), 1, 1, TimeUnit.SECONDS);
            try {
                List<Target.AgentLogin> agents = target.signInAgents(api, options.agents);
                say("%d agents signed in", agents.size());
                openVisitors(api);
                say("%d visitors with a conversation and a subscribed WebSocket (%.0f s)", visitorCount,
                        (System.nanoTime() - begin) / 1e9);
                takeAndSubscribe(api, agents);
                say("agents took and subscribed to every conversation (%.0f s); waiting for quiet",
                        (System.nanoTime() - begin) / 1e9);
                awaitQuiet(2, 120);
                long deskFramesBefore = StreamSocket.DESK_FRAMES.sum();
                long lostBefore = StreamSocket.CLOSED.sum();
                List<Phase.Result> results = new ArrayList<>();
                // Warm-up in five steps up to the rate, as traffic grows on a server that just started: the JIT
                // compiles the hot paths while there is CPU to spare instead of under a backlog.
                for (int fifth = 1; !options.warmup.isZero() && fifth <= WARMUP_STEPS; fifth++) {
                    // Indices of their own (the ramp counts up from 2), so client message ids never repeat.
                    Phase warmup = new Phase(WARMUP_INDEX + fifth, "warm-up " + fifth + "/" + WARMUP_STEPS,
                            Math.max(1, options.rate * fifth / WARMUP_STEPS), options.warmup.toNanos() / WARMUP_STEPS);
                    send(api, warmup);
                    drain(warmup);
                    say("%s", warmup.result().line());
                }
                Phase main = new Phase(1, "measured", options.rate, options.duration.toNanos());
                ThreadDumps dumps = new ThreadDumps(server, options.threadDumps, options.duration, out);
                CpuClock.Reading before = CpuClock.Reading.now(server.pid());
                send(api, main);
                say("measured run: %s", CpuClock.Reading.now(server.pid()).since(before, main.sent.sum()));
                dumps.awaitDone();
                drain(main);
                results.add(main.result());
                say("%s", main.result().line());
                int index = 2;
                for (int rate : options.ramp) {
                    Phase step = new Phase(index, "ramp " + (index - 1), rate, options.step.toNanos());
                    index++;
                    if (!awaitQuiet(2, 60)) {
                        say("still busy after 60 s (desk or message frames arriving); the next step starts anyway");
                    }
                    CpuClock.Reading stepStart = CpuClock.Reading.now(server.pid());
                    send(api, step);
                    say("%s: %s", step.name, CpuClock.Reading.now(server.pid()).since(stepStart, step.sent.sum()));
                    drain(step);
                    Phase.Result result = step.result();
                    results.add(result);
                    say("%s", result.line());
                    if (!result.keptUp(options.sustainP99.toNanos() / 1e6)) {
                        say("%s fell short at %d/s: ramp stops", target.name(), rate);
                        break;
                    }
                }
                say("desk frames received by the agents during the load: %d; connections lost during the load: %d",
                        StreamSocket.DESK_FRAMES.sum() - deskFramesBefore, StreamSocket.CLOSED.sum() - lostBefore);
                int held = (int) sockets.stream().limit(visitorCount).filter(StreamSocket::isOpen).count();
                long[] heap = server.peakHeapMb();
                return new Report(target.name(), visitorCount, held, agents.size(), results,
                        server.statusKb("VmHWM"), heap[0], heap[1], options.heap);
            } finally {
                pings.shutdownNow();
            }
        } finally {
            sockets.forEach(StreamSocket::abort);
            target.close();
        }
    }

    private void openVisitors(Api api) throws Exception {
        tokens = new String[visitorCount];
        conversations = new String[visitorCount];
        URI stream = URI.create("ws://localhost:" + target.process().port + "/api/v1/stream");
        ExecutorService setup = Executors.newFixedThreadPool(32, daemon("visitor-setup"));
        StreamSocket[] opened = new StreamSocket[visitorCount];
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < visitorCount; i++) {
                int visitor = i;
                done.add(setup.submit(() -> {
                    tokens[visitor] = api.expect(201, "POST", "/api/v1/visitors", null, Map.of()).json()
                            .get("token").asText();
                    Map<String, String> bearer = Map.of("Authorization", "Bearer " + tokens[visitor]);
                    conversations[visitor] = api.expect(201, "POST", "/api/v1/conversations", null, bearer).json()
                            .get("id").asText();
                    // A visitor's own message frames are not deliveries: those count at the agents only.
                    StreamSocket socket = StreamSocket.open(visitorSockets, stream, Map.of(), (frame, at) -> {},
                            this::acknowledged).get(60, TimeUnit.SECONDS);
                    opened[visitor] = socket;
                    socket.send("{\"type\":\"auth\",\"token\":\"" + tokens[visitor] + "\"}");
                    socket.ready.get(60, TimeUnit.SECONDS);
                    socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversations[visitor]
                            + "\",\"after\":0}");
                    awaitSubscribed(socket, 1);
                    pinged.add(socket);
                    return null;
                }));
            }
            int count = 0;
            for (Future<?> each : done) {
                each.get();
                if (++count % 2000 == 0) {
                    say("  %d visitors", count);
                }
            }
        } finally {
            setup.shutdownNow();
        }
        sockets.addAll(List.of(opened));
    }

    private void takeAndSubscribe(Api api, List<Target.AgentLogin> agents) throws Exception {
        // Takes first, over HTTP, as the desk's button does; the desk WebSockets open afterwards, so the set-up's
        // desk frames do not pile up in front of the measurement.
        ExecutorService setup = Executors.newFixedThreadPool(16, daemon("take"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < visitorCount; i++) {
                Target.AgentLogin agent = agents.get(i % agents.size());
                String conversation = conversations[i];
                done.add(setup.submit(() -> api.expect(200, "POST", "/api/v1/desk/conversations/" + conversation
                        + "/take", null, Map.of("Cookie", agent.cookie(), "X-CSRF-Token", agent.csrfToken()))));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            setup.shutdownNow();
        }
        URI stream = URI.create("ws://localhost:" + target.process().port + "/api/v1/stream");
        String origin = "http://localhost:" + target.process().port;
        for (int a = 0; a < agents.size(); a++) {
            StreamSocket socket = StreamSocket.open(agentSockets, stream,
                    Map.of("Cookie", agents.get(a).cookie(), "Origin", origin), this::received, (frame, at) -> {})
                    .get(60, TimeUnit.SECONDS);
            socket.ready.get(60, TimeUnit.SECONDS);
            int subscriptions = 0;
            for (int i = a; i < visitorCount; i += agents.size()) {
                socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversations[i] + "\",\"after\":0}");
                subscriptions++;
            }
            awaitSubscribed(socket, subscriptions);
            sockets.add(socket);
            pinged.add(socket);
        }
    }

    private static void awaitSubscribed(StreamSocket socket, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 120 * SECOND;
        while (socket.subscribed.get() < count) {
            if (System.nanoTime() > deadline || !socket.isOpen()) {
                throw new IllegalStateException("only " + socket.subscribed.get() + " of " + count + " subscribed");
            }
            Thread.sleep(5);
        }
    }

    /** A message frame at an agent's socket: if it is one of ours, its latency goes to the phase it was sent in. */
    private void received(String frame, long atNanos) {
        int mark = frame.indexOf(MARK);
        if (mark < 0) {
            return; // a system message ("… joined the chat") from the catch-up
        }
        int colon = frame.indexOf(':', mark + MARK.length());
        phases.get(Integer.parseInt(frame, mark + MARK.length(), colon, 10)).delivered(due(frame, colon), atNanos);
    }

    /**
     * An answer to a visitor's send frame, counted as its HTTP counterpart: {@code sent} with {@code created} true as a
     * 201 (its latency from the due time in the text), anything else (an error, a repeated id) as a failure.
     */
    private void acknowledged(String frame, long atNanos) {
        int id = frame.indexOf(CLIENT_ID) + CLIENT_ID.length();
        Phase phase = phases.get(Integer.parseInt(frame, id, frame.indexOf('-', id), 10));
        int mark = frame.indexOf(MARK);
        if (mark >= 0 && frame.contains("\"type\":\"sent\"") && frame.contains("\"created\":true")) {
            phase.stored(due(frame, frame.indexOf(':', mark + MARK.length())), atNanos);
        } else {
            failed(phase, frame);
        }
    }

    /** The due time in a marker, after the colon at {@code colon}. */
    private static long due(String frame, int colon) {
        int end = colon + 1;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return Long.parseLong(frame, colon + 1, end, 10);
    }

    /** Sends at the phase's rate for its duration: each message is due at start + n / rate, and is sent then. */
    private void send(Api api, Phase phase) {
        phases.set(phase.index, phase);
        long interval = SECOND / phase.rate;
        long start = System.nanoTime();
        phase.startNanos = start;
        long end = start + phase.durationNanos;
        long n = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = start + n * interval;
            while (due <= now) {
                int visitor = (int) ((n * 7919 + phase.index) % visitorCount);
                if (options.send.equals("ws")) {
                    sendFrame(phase, visitor, due, n);
                } else {
                    postMessage(api, phase, visitor, due, n);
                }
                n++;
                due = start + n * interval;
            }
            LockSupport.parkNanos(Math.min(due - now, 1_000_000));
        }
    }

    /** As the widget sends while its WebSocket is open: a send frame, acknowledged by a sent frame. */
    private void sendFrame(Phase phase, int visitor, long dueNanos, long n) {
        phase.sent.increment();
        String frame = "{\"type\":\"send\",\"conversationId\":\"" + conversations[visitor] + "\","
                + fields(phase, dueNanos, n) + "}";
        // The first visitorCount sockets are the visitors', in order.
        sockets.get(visitor).send(frame).whenComplete((ok, failure) -> {
            if (failure != null) {
                failed(phase, failure);
            }
        });
    }

    private void postMessage(Api api, Phase phase, int visitor, long dueNanos, long n) {
        phase.sent.increment();
        api.call("POST", "/api/v1/conversations/" + conversations[visitor] + "/messages",
                "{" + fields(phase, dueNanos, n) + "}", Map.of("Authorization", "Bearer " + tokens[visitor]))
                .whenComplete((answer, failure) -> {
                    if (failure == null && answer.status() == 201) {
                        phase.stored(dueNanos, System.nanoTime());
                    } else {
                        failed(phase, failure != null ? failure : answer.status() + " " + answer.body());
                    }
                });
    }

    /** The client message id and the text, whose marker (phase and due time) the sent and message frames carry back. */
    private static String fields(Phase phase, long dueNanos, long n) {
        return CLIENT_ID + phase.index + "-" + n + "\",\"text\":\"" + MARK + phase.index + ":" + dueNanos
                + " hello from the benchmark\"";
    }

    /** Counts a failure and prints the first few. */
    private void failed(Phase phase, Object why) {
        phase.failed.increment();
        if (phase.failed.sum() <= 3) {
            say("  failed: %s", why);
        }
    }

    /** Waits up to 10 s for the phase's messages still on their way. */
    private void drain(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + 10 * SECOND;
        while (System.nanoTime() < deadline
                && (phase.delivered.sum() + phase.failed.sum() < phase.sent.sum()
                        || phase.stored.sum() + phase.failed.sum() < phase.sent.sum())) {
            Thread.sleep(20);
        }
    }

    /** Waits until no message or desk frame arrived for {@code quietSeconds}; false if that took too long. */
    private static boolean awaitQuiet(int quietSeconds, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * SECOND;
        while (System.nanoTime() - StreamSocket.lastFrameNanos < quietSeconds * SECOND) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Pings every connection once per 25 s, spread evenly, as the widget and the desk do (60 s silence closes). */
    private final class Pinger implements Runnable {
        private int next;

        @Override
        public void run() {
            int perTick = Math.max(1, (pinged.size() + 24) / 25);
            for (int i = 0; i < perTick && !pinged.isEmpty(); i++) {
                StreamSocket socket = pinged.get(next++ % pinged.size());
                if (socket.isOpen()) {
                    socket.send("{\"type\":\"ping\"}");
                }
            }
        }
    }

    private void say(String format, Object... args) {
        out.printf("[%s] " + format + "%n", prepend(target.name(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, daemon(name));
    }
}
