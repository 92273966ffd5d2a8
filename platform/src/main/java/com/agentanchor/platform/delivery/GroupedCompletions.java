package com.agentanchor.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

import com.agentanchor.platform.database.PublicationCompletions;

/**
 * A delivered publication is completed (its row deleted: application.yaml) by a writer of its own, which writes all
 * the completions waiting at the time in one statement, instead of Modulith 2.0's statement and transaction per
 * listener and event: a durable commit for each of them, three for a registration. The listener's thread returns
 * without waiting for that commit. A completion lost with the instance (a crash, or a write that failed) leaves its
 * publication incomplete, and the retry delivers it again: delivery is at least once in any case, and listeners
 * tolerate a repeat ({@link IncompletePublicationRetry}). Stopping writes what waits, before the database goes; a
 * completion after that is written at once, as before.
 */
@Component
class GroupedCompletions extends RegistryRepositoryAdvice implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupedCompletions.class);

    /** The most completions in one statement. */
    private static final int MOST = 500;

    /** The longest a stop waits for the writer (a database gone away): what is left is delivered again later. */
    private static final Duration STOPPING = Duration.ofSeconds(10);

    /** Put last into the queue when stopping; no publication has the nil identifier. */
    private static final UUID STOP = new UUID(0, 0);

    private final ObjectProvider<PublicationCompletions> store;
    private final BlockingQueue<UUID> waiting = new LinkedBlockingQueue<>();
    /** Queueing holds the read lock, stopping the write lock: nothing is queued behind {@link #STOP}. */
    private final ReadWriteLock state = new ReentrantReadWriteLock();
    private volatile Thread writer;

    GroupedCompletions(ObjectProvider<PublicationCompletions> store) {
        this.store = store;
    }

    /** The registry marks a delivered publication completed through its in-memory copy; queued while running. */
    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        if (call.getMethod().getName().equals("markCompleted")
                && call.getArguments()[0] instanceof TargetEventPublication publication) {
            var at = (Instant) call.getArguments()[1];
            state.readLock().lock();
            try {
                if (writer != null) {
                    publication.markCompleted(at); // what the repository's own method does before writing
                    waiting.add(publication.getIdentifier());
                    return null;
                }
            } finally {
                state.readLock().unlock();
            }
        }
        return call.proceed();
    }

    private void write() {
        var store = this.store.getObject();
        var batch = new ArrayList<UUID>(MOST);
        var stopping = false;
        while (!stopping) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, MOST - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                write(store, batch);
            }
            batch.clear();
        }
    }

    private static void write(PublicationCompletions store, List<UUID> batch) {
        try {
            store.write(batch);
        } catch (RuntimeException e) {
            log.warn("{} completed event publications are left incomplete; the retry delivers them again",
                    batch.size(), e);
        }
    }

    @Override
    public void start() {
        state.writeLock().lock();
        try {
            var thread = new Thread(this::write, "publication-completions");
            thread.setDaemon(true);
            thread.start();
            writer = thread;
        } finally {
            state.writeLock().unlock();
        }
    }

    @Override
    public void stop() {
        Thread stopped;
        state.writeLock().lock();
        try {
            stopped = writer;
            if (stopped != null) {
                writer = null;
                waiting.add(STOP);
            }
        } finally {
            state.writeLock().unlock();
        }
        if (stopped == null) {
            return;
        }
        try {
            stopped.join(STOPPING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the web server and the listeners' executor, so that their last completions are written too. */
    @Override
    public int getPhase() {
        return 0;
    }
}
