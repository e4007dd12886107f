package org.parley.chat.rest.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** The named daemon threads of this bundle's background work, which never keep the JVM from stopping. */
final class DaemonThreads {
    private DaemonThreads() {}

    /** Threads called {@code name}. */
    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code count} executors of one thread each, called {@code prefix-1} to {@code prefix-count}. */
    static ExecutorService[] singles(String prefix, int count) {
        ExecutorService[] executors = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            executors[i] = Executors.newSingleThreadExecutor(named(prefix + "-" + (i + 1)));
        }
        return executors;
    }
}
