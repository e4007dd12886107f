package org.parley.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Thread dumps of the server during the measured run ({@code jcmd <pid> Thread.print}), for a first look at where
 * its time goes: threads RUNNABLE in the store, BLOCKED on a monitor, waiting for a pool. */
final class ThreadDumps {
    private final Thread taker;

    ThreadDumps(ServerProcess server, int count, Duration over, PrintStream out) {
        taker = new Thread(() -> {
            try {
                for (int i = 1; i <= count; i++) {
                    Thread.sleep(over.toMillis() / (count + 1));
                    Path file = server.log.resolveSibling(server.name + "-threads-" + i + ".txt");
                    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                            .toString(), Long.toString(server.pid()), "Thread.print").redirectErrorStream(true)
                            .redirectOutput(file.toFile()).start();
                    jcmd.waitFor(30, TimeUnit.SECONDS);
                    out.printf("[%s] thread dump %d: %s%n", server.name, i, file);
                }
            } catch (Exception e) {
                out.printf("[%s] thread dumps stopped: %s%n", server.name, e);
            }
        }, "thread-dumps");
        taker.setDaemon(true);
        if (count > 0) {
            taker.start();
        }
    }

    void awaitDone() throws InterruptedException {
        taker.join();
    }
}
