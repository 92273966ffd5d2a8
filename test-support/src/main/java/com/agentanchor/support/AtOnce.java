package com.agentanchor.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls made by several clients at the same moment, as racing, retrying or impatient clients make them. */
public final class AtOnce {

    /** One client's call, given what that client sends. */
    @FunctionalInterface
    public interface Call<I, T> {
        T call(I input) throws Exception;
    }

    private AtOnce() {
    }

    /** {@code call}'s results from {@code times} threads let go together. */
    public static <T> List<T> run(int times, Callable<T> call) throws Exception {
        return each(Collections.nCopies(times, call), Callable::call);
    }

    /** {@code call}'s result for each input, in the inputs' order, from one thread per input let go together. */
    public static <I, T> List<T> each(List<I> inputs, Call<I, T> call) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(inputs.size());
        try {
            var outcomes = new ArrayList<Future<T>>();
            for (var input : inputs) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return call.call(input);
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
