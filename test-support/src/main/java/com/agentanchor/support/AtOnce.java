package com.agentanchor.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The same call made by several clients at the same moment, as a retrying or impatient client makes it. */
public final class AtOnce {

    private AtOnce() {
    }

    /** {@code call}'s results, in no particular order, from {@code times} threads let go together. */
    public static <T> List<T> run(int times, Callable<T> call) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(times);
        try {
            var outcomes = new ArrayList<Future<T>>();
            for (int i = 0; i < times; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
