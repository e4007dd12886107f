package org.parley.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs tasks as close to the same moment as threads allow, for tests of limits that must hold under races. */
public final class Race {
    private Race() {}

    /**
     * Starts {@code racers} tasks together and waits for all of them.
     *
     * @param task the task of racer {@code i}
     * @return each racer's outcome, in order: its result, or the exception it threw
     */
    public static List<Object> run(int racers, IntFunction<Callable<Object>> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Object> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
