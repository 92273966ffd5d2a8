package com.agentanchor.pusher;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one message to many connections with the publishing thread and helper threads together: each takes the next
 * slice of connections until none is left, and the publisher returns once every slice is sent, so the next message
 * to these connections follows this one on each. A fan-out's cost is its socket writes (a system call each, 6–10 µs
 * on loopback here), which one thread can only make one after another. A busy helper costs nothing: the publisher
 * takes its slices too. The realtime benchmark's case (b) and its floor lines measure what this leaves on two cores.
 */
final class FanOut implements AutoCloseable {

    /** Connections a thread sends to before taking the next slice: ~0.2 ms of writes. */
    static final int SLICE = 32;

    private final ExecutorService helpers;
    private final int helperCount;

    FanOut(String name) {
        helperCount = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        AtomicInteger n = new AtomicInteger();
        // Once closed, a publisher sends every slice itself.
        helpers = new ThreadPoolExecutor(helperCount, helperCount, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Sends {@code message} to each of {@code to}; returns when all are sent (or skipped as closed). */
    void send(List<PusherConnection> to, PusherConnection.Message message) {
        int slices = (to.size() + SLICE - 1) / SLICE;
        if (slices <= 1) {
            to.forEach(c -> c.send(message));
            return;
        }
        var job = new Job(to, message, slices);
        for (int i = 0, wanted = Math.min(helperCount, slices - 1); i < wanted; i++) {
            helpers.execute(job::work);
        }
        job.work();
        job.awaitDone();
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }

    private static final class Job {

        private final List<PusherConnection> to;
        private final PusherConnection.Message message;
        private final int slices;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final CountDownLatch done = new CountDownLatch(1);

        Job(List<PusherConnection> to, PusherConnection.Message message, int slices) {
            this.to = to;
            this.message = message;
            this.slices = slices;
        }

        void work() {
            for (int slice = next.getAndIncrement(); slice < slices; slice = next.getAndIncrement()) {
                try {
                    for (int i = slice * SLICE, end = Math.min(to.size(), i + SLICE); i < end; i++) {
                        to.get(i).send(message);
                    }
                }
                finally {
                    if (sent.incrementAndGet() == slices) {
                        done.countDown();
                    }
                }
            }
        }

        void awaitDone() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                }
                catch (InterruptedException e) {
                    interrupted = true; // the slices a helper took are sent regardless: wait for them
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
