package org.parley.customer.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads shop lookups run on, so request threads never wait on a shop longer than they choose to. */
final class LookupWorkers {
    /** Shop APIs are slow but few; a handful of threads keeps a burst from opening dozens of connections. */
    static final int THREADS = 4;
    /** Beyond this backlog new lookups are refused at once rather than queued behind a dead shop. */
    static final int BACKLOG = 64;

    private LookupWorkers() {}

    static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "parley-customer-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), threads);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
