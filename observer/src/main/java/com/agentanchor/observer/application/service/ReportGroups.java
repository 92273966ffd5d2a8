package com.agentanchor.observer.application.service;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.observer.application.port.in.ReportReceipt;
import com.agentanchor.observer.domain.AgentReport;

/**
 * Single reports of one agent, written together when they arrive together (group commit). While one of an agent's
 * reports is being written, the next ones of the same agent queue; when it is done, the first of them writes all that
 * queued, in one transaction, and answers the others. Nothing waits for a timer: an agent that reports one event at a
 * time has each written at once, and one that reports from many threads at once pays one transaction, one outcome
 * tally and one publication per group instead of per event (with eight callers of one agent: a third of the database
 * time per report, and twice the reports a second, issue 12). Only one agent's reports share a transaction, so each
 * is written as that agent, as it would be alone, and its caller is answered only after the commit that holds it.
 */
final class ReportGroups {

    /** The most reports one transaction writes: bounds how long the writer's own caller waits for the others'. */
    static final int MOST = 100;

    private final ConcurrentHashMap<AgentId, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * Writes {@code report} through {@code writeTogether}, alone or with reports of the same agent that came meanwhile.
     * {@code writeTogether} gets reports whose idempotency keys differ and answers with the keys of those it wrote (a
     * report without a key is always written); a failure is every grouped caller's.
     */
    ReportReceipt write(AgentId agent, AgentReport report, Function<List<AgentReport>, Set<String>> writeTogether) {
        var mine = new Pending(report);
        var lane = lanes.computeIfAbsent(agent, id -> new Lane());
        boolean interrupted = false;
        try {
            synchronized (lane) {
                lane.waiting.add(mine);
            }
            while (true) {
                List<Pending> group;
                synchronized (lane) {
                    while (lane.writing && !mine.done) {
                        try {
                            lane.wait();
                        } catch (InterruptedException e) {
                            // The report is queued and will be written whatever this thread is asked; the caller gets
                            // its answer, and the interruption is kept for whoever asked.
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        return mine.answer();
                    }
                    lane.writing = true;
                    group = lane.nextGroup();
                }
                Set<String> written = null;
                Throwable failure = null;
                try {
                    written = writeTogether.apply(group.stream().map(p -> p.report).toList());
                } catch (Throwable e) {
                    failure = e;
                }
                synchronized (lane) {
                    for (var pending : group) {
                        var key = pending.report.idempotencyKey();
                        pending.answer(failure, failure == null && (key == null || written.contains(key)));
                    }
                    lane.writing = false;
                    if (lane.waiting.isEmpty()) {
                        // A caller that took this lane from the map just before still queues on it, and writes alone.
                        lanes.remove(agent, lane);
                    }
                    lane.notifyAll();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many reports of the agent are queued (for tests). */
    int waiting(AgentId agent) {
        var lane = lanes.get(agent);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            return lane.waiting.size();
        }
    }

    /** One agent's queue; guarded by its own monitor. */
    private static final class Lane {
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private boolean writing;

        /** Oldest first, up to {@link #MOST}; a report repeating a key already in the group stays for the next. */
        private List<Pending> nextGroup() {
            var group = new ArrayList<Pending>(Math.min(waiting.size(), MOST));
            var keys = new HashSet<String>();
            for (var it = waiting.iterator(); it.hasNext() && group.size() < MOST;) {
                var pending = it.next();
                var key = pending.report.idempotencyKey();
                if (key == null || keys.add(key)) {
                    group.add(pending);
                    it.remove();
                }
            }
            return group;
        }
    }

    /** A caller's report and, once its group is done, its answer; read and written under the lane's monitor. */
    private static final class Pending {
        private final AgentReport report;
        private boolean done;
        private boolean written;
        private Throwable failure;

        private Pending(AgentReport report) {
            this.report = report;
        }

        private void answer(Throwable failure, boolean written) {
            this.failure = failure;
            this.written = written;
            this.done = true;
        }

        private ReportReceipt answer() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new UndeclaredThrowableException(failure);
            }
            return written ? new ReportReceipt(1, 0) : new ReportReceipt(0, 1);
        }
    }
}
