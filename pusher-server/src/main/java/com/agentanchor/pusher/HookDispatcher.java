package com.agentanchor.pusher;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the {@link LocalPusherListener}s in order, on one thread, through a bounded queue. */
final class HookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);

    static final int QUEUE_CAPACITY = 10_000;

    private final List<LocalPusherListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor executor;

    HookDispatcher(String threadName) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                }, (r, e) -> {
                    if (!e.isShutdown()) {
                        log.warn("Local Pusher hook queue is full ({} pending): a listener call was dropped",
                                QUEUE_CAPACITY);
                    }
                });
    }

    void add(LocalPusherListener listener) {
        listeners.add(listener);
    }

    void remove(LocalPusherListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<LocalPusherListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (LocalPusherListener listener : listeners) {
                try {
                    call.accept(listener);
                }
                catch (RuntimeException e) {
                    log.warn("Local Pusher listener {} failed", listener, e);
                }
            }
        });
    }

    /** Runs what is queued, then stops. */
    void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
