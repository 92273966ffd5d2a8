package com.agentanchor.observer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.observer.application.port.in.ReportReceipt;
import com.agentanchor.observer.domain.AgentReport;

/**
 * Group commit without a database: a store that holds its first write until told, so that the reports arriving
 * meanwhile are queued for certain (counted, not slept for), and that remembers the keys it wrote.
 */
class ReportGroupsTests {

    private final ReportGroups groups = new ReportGroups();
    private final AgentId agent = new AgentId(UUID.randomUUID());
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final HeldStore store = new HeldStore();

    @AfterEach
    void stop() {
        store.release();
        callers.shutdownNow();
    }

    @Test
    void reportsThatArriveWhileOneIsWrittenAreWrittenTogetherAfterIt() throws Exception {
        var first = report(agent, "first", null);
        store.awaitWriting();
        var next = new ArrayList<Future<ReportReceipt>>();
        for (int i = 0; i < 5; i++) {
            next.add(report(agent, "next " + i, "key-" + i));
        }
        await(() -> groups.waiting(agent) == 5);

        store.release();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
        for (var receipt : next) {
            assertThat(receipt.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
        }
        assertThat(store.groups).extracting(List::size).containsExactly(1, 5);
    }

    @Test
    void aRepeatedKeyWaitsForTheNextGroupAndIsAnsweredAsADuplicate() throws Exception {
        report(agent, "first", null);
        store.awaitWriting();
        var once = report(agent, "once", "k");
        await(() -> groups.waiting(agent) == 1);
        var again = report(agent, "again", "k");
        var other = report(agent, "other", "k2");
        await(() -> groups.waiting(agent) == 3);

        store.release();

        assertThat(once.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
        assertThat(again.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(0, 1));
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
        assertThat(store.groups).extracting(ReportGroupsTests::titles)
                .containsExactly(List.of("first"), List.of("once", "other"), List.of("again"));
    }

    @Test
    void aFailedWriteFailsEveryReportOfItsGroupAndTheNextOneStartsAfresh() throws Exception {
        var first = report(agent, "first", null);
        store.awaitWriting();
        var a = report(agent, "a", null);
        var b = report(agent, "b", null);
        await(() -> groups.waiting(agent) == 2);
        store.failNext = new IllegalStateException("the database went away");

        store.release();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
        for (var receipt : List.of(a, b)) {
            assertThatThrownBy(() -> receipt.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("went away");
        }
        assertThat(report(agent, "after", null).get(10, TimeUnit.SECONDS)).isEqualTo(new ReportReceipt(1, 0));
    }

    @Test
    void anotherAgentsReportsDoNotWaitForThisOnesWrite() throws Exception {
        report(agent, "held", null);
        store.awaitWriting();

        var elsewhere = groups.write(new AgentId(UUID.randomUUID()), report("elsewhere", null), store::writeAtOnce);

        assertThat(elsewhere).isEqualTo(new ReportReceipt(1, 0));
        assertThat(groups.waiting(agent)).isZero();
    }

    private Future<ReportReceipt> report(AgentId who, String title, String key) {
        var report = report(title, key);
        return callers.submit(() -> groups.write(who, report, store::write));
    }

    private static AgentReport report(String title, String key) {
        return AgentReport.of("agent.step", "info", title, null, null, "success", null, key, Instant.now());
    }

    private static List<String> titles(List<AgentReport> group) {
        return group.stream().map(AgentReport::title).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Writes what it is given, holding its first write until {@link #release()}; keys seen before are not written. */
    private static final class HeldStore {
        final List<List<AgentReport>> groups = new CopyOnWriteArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private final CountDownLatch writing = new CountDownLatch(1);
        private final CompletableFuture<Void> released = new CompletableFuture<>();
        volatile RuntimeException failNext;

        Set<String> write(List<AgentReport> group) {
            groups.add(group);
            if (writing.getCount() > 0) {
                writing.countDown();
                released.join();
            } else if (failNext != null) {
                var failure = failNext;
                failNext = null;
                throw failure;
            }
            return writeAtOnce(group);
        }

        synchronized Set<String> writeAtOnce(List<AgentReport> group) {
            return group.stream().map(AgentReport::idempotencyKey).filter(k -> k != null && keys.add(k))
                    .collect(Collectors.toSet());
        }

        void awaitWriting() throws InterruptedException {
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("the first write began").isTrue();
        }

        void release() {
            released.complete(null);
        }
    }
}
