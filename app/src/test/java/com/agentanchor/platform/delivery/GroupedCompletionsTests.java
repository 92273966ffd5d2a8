package com.agentanchor.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.platform.database.PublicationCompletions;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * A writer of the test's own around Modulith's repository itself, not the app's advised one: so that the app's own
 * writer never takes the test's completions (after the test's writer stops, a completion goes to Modulith's
 * repository and is written at once, not queued for the app's writer to write a moment later). The writer is held up
 * by a row lock on the first publication it writes: what is marked completed meanwhile waits in its queue.
 */
@IntegrationTest
class GroupedCompletionsTests {

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    ObjectProvider<PublicationCompletions> completionWrites;

    @Autowired
    OwnerDatabase database;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private final String listener = "grouped-completions-test-" + UUID.randomUUID();
    private long published;
    private GroupedCompletions completions;
    private EventPublicationRepository grouped;

    @BeforeEach
    void startWriter() {
        completions = new GroupedCompletions(completionWrites);
        EventPublicationRepository modulith = AopTestUtils.getUltimateTargetObject(publications);
        grouped = (EventPublicationRepository) completions.postProcessAfterInitialization(modulith, "test");
        completions.start();
    }

    @AfterEach
    void stopWriterAndDeletePublications() {
        completions.stop();
        database.update("DELETE FROM event_publication WHERE listener_id = ?", listener);
    }

    @Test
    void completionsThatWaitWhileOthersAreWrittenAreWrittenInOneTransaction() throws Exception {
        var queued = IntStream.range(0, 10).mapToObj(i -> publish()).toList();
        try (var first = writerHeldUp()) {
            queued.forEach(publication -> grouped.markCompleted(publication, Instant.now()));
            assertThat(completed()).isZero();
            try (var last = holding(queued.get(9))) {
                first.close(); // the writer completes the first, then waits for the last of the ten queued meanwhile
                awaitWriterWaitingFor(last);
                assertThat(completed()).as("none of the ten before all of them").isOne();
            }
        }
        Eventually.await(() -> completed() == 11);
    }

    @Test
    void stoppingReturnsOnceEveryCompletionThatWaitsIsWritten() throws Exception {
        var queued = IntStream.range(0, 10).mapToObj(i -> publish()).toList();
        var writtenWhenStopped = new AtomicLong(-1);
        var stopper = new Thread(() -> {
            completions.stop();
            writtenWhenStopped.set(completed());
        });
        try (var lock = writerHeldUp()) {
            queued.forEach(publication -> grouped.markCompleted(publication, Instant.now()));
            stopper.start();
            // stop() waits for the writer, which waits for the lock: or, without that wait, has already returned
            Eventually.await(() -> stopper.getState() == Thread.State.TIMED_WAITING || !stopper.isAlive());
        }
        stopper.join();
        assertThat(writtenWhenStopped).hasValue(11);
    }

    @Test
    void aCompletionAfterStoppingIsWrittenAtOnce() {
        completions.stop();
        grouped.markCompleted(publish(), Instant.now());
        assertThat(completed()).isOne();
    }

    /**
     * Its transaction's commit does not wait for the disk (a lost completion is a redelivery); the app writes it in a
     * transaction of its own, this test in one that waits (as a deployment's do; the embedded default does not) and
     * then reads the setting the commit will go by.
     */
    @Test
    void aCompletionsCommitDoesNotWaitForTheDisk() {
        var publication = publish();
        var atCommit = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            completionWrites.getObject().write(List.of(publication.getIdentifier()));
            return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
        });
        assertThat(atCommit).isEqualTo("off");
        assertThat(completed()).isOne();
    }

    /**
     * Never a statement prepared on the server, whose plan PostgreSQL would cache for every later run: the table is a
     * queue, and a plan made while it was nearly empty scans its deleted rows whole once they pile up (see
     * {@link PublicationCompletions}). pgjdbc prepares a statement on the server from its fifth run on a connection.
     */
    @Test
    void aCompletionIsPlannedForTheTableAsItIsEachTime() {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 10; i++) {
            ids.add(publish().getIdentifier());
        }
        var prepared = new TransactionTemplate(transactions).execute(status -> {
            ids.forEach(id -> completionWrites.getObject().write(List.of(id)));
            return jdbc.sql("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%DELETE FROM "
                    + "event_publication%'").query(Long.class).single();
        });
        assertThat(prepared).isZero();
        assertThat(completed()).isEqualTo(10);
    }

    /**
     * What Modulith's repository writes itself, without a grouped writer (as the app stops): a deletion as well, by the
     * completion mode in application.yaml, or such rows would stay for good.
     */
    @Test
    void aCompletionModulithWritesItselfDeletesTheRowToo() {
        EventPublicationRepository modulith = AopTestUtils.getUltimateTargetObject(publications);
        modulith.markCompleted(publish(), Instant.now());
        assertThat(completed()).isOne();
    }

    /**
     * Marks a first publication completed while a transaction of the test holds its row: the writer waits for that
     * lock until the returned connection is closed, which rolls the transaction back.
     */
    private Connection writerHeldUp() throws Exception {
        var first = publish();
        var holder = holding(first);
        grouped.markCompleted(first, Instant.now());
        awaitWriterWaitingFor(holder);
        return holder;
    }

    /** A transaction of the test's own that holds the publication's row until the connection is closed. */
    private Connection holding(TargetEventPublication publication) throws Exception {
        var holder = database.connect();
        holder.setAutoCommit(false);
        try (var statement = holder.prepareStatement("SELECT FROM event_publication WHERE id = ? FOR UPDATE")) {
            statement.setObject(1, publication.getIdentifier());
            statement.executeQuery().close();
        }
        return holder;
    }

    private void awaitWriterWaitingFor(Connection holder) throws Exception {
        int pid;
        try (var statement = holder.createStatement(); var row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        Eventually.await(() -> database.query("SELECT count(*) FROM pg_stat_activity "
                + "WHERE ? = ANY (pg_blocking_pids(pid))", Long.class, pid) > 0);
    }

    private TargetEventPublication publish() {
        published++;
        return publications.create(TargetEventPublication.of("an event", PublicationTargetIdentifier.of(listener),
                Instant.now()));
    }

    /** How many of the test's publications are completed: their rows are deleted. */
    private long completed() {
        return published - database.query("SELECT count(*) FROM event_publication WHERE listener_id = ?", Long.class,
                listener);
    }
}
