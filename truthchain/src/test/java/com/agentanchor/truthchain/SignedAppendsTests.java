package com.agentanchor.truthchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.truthchain.application.port.out.SigningKeySource;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.SignedAppend;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.Subject;
import com.agentanchor.truthchain.domain.TruthRecord;

/**
 * truth_chain_append_signed, the one way the app appends: a batch under the chain's lock, each record after the head or
 * the record before it, or nothing at all (the app role calls it; it cannot insert a record itself).
 */
@IntegrationTest
class SignedAppendsTests {

    @Autowired
    TruthChainStore store;

    @Autowired
    SigningKeySource keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OwnerDatabase database;

    /** In each record's payload: the chain is shared with the other tests, whose events it may record meanwhile. */
    private final String marker = UUID.randomUUID().toString();

    @Test
    void aBatchIsAppendedInOrderEachRecordLinkedToTheOneBefore() {
        var appended = inTransaction(head -> batch(head, 3, UnaryOperator.identity()));
        var rows = database.rows("SELECT sequence_number, previous_hash, hash FROM truth_chain "
                + "WHERE payload ->> 'event' = ? ORDER BY sequence_number", marker);
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).get("sequence_number")).isEqualTo(appended.get(i).sequence());
            assertThat(rows.get(i).get("hash")).isEqualTo(hashOf(appended.get(i)));
            if (i > 0) {
                assertThat(rows.get(i).get("previous_hash")).isEqualTo(rows.get(i - 1).get("hash"));
            }
        }
    }

    /** What an instance whose head is stale gets: a serialization failure, which it retries under the lock. */
    @Test
    void aBatchThatSkipsASequenceOrLinksElsewhereIsRefusedWhole() {
        assertRefused(head -> batch(head, 3, record -> record.sequence() == head.headSequence() + 2
                ? withSequence(record, record.sequence() + 1) : record), "40001", "out of order");
        assertRefused(head -> batch(head, 3, record -> record.sequence() == head.headSequence() + 3
                ? withPrevious(record, hashOf(batch(head, 1, UnaryOperator.identity()).get(0))) : record), "40001",
                "does not link");
        assertThat(appended()).as("nothing of either batch").isZero();
    }

    @Test
    void aRecordSignedByAnUnpublishedKeyIsRefused() {
        assertThatThrownBy(() -> inTransaction(head -> batch(head, 1, UnaryOperator.identity()), "not-published"))
                .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("is not published")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
        assertThat(appended()).isZero();
    }

    @Test
    void theAppRoleCannotInsertARecordItself() {
        assertThat(database.query("SELECT has_table_privilege('agentanchor_app', 'truth_chain', 'INSERT')",
                Boolean.class)).isFalse();
    }

    private void assertRefused(Function<TruthChainStore.ChainLock, List<TruthRecord>> batch,
            String state, String message) {
        assertThatThrownBy(() -> inTransaction(batch)).rootCause().isInstanceOf(SQLException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
    }

    /** Appends the records the function makes from the head, signed, in one call; returns them. */
    private List<TruthRecord> inTransaction(Function<TruthChainStore.ChainLock, List<TruthRecord>> batch) {
        return inTransaction(batch, keys.signingKey().keyId());
    }

    /** As above, the records said to be signed by the key with that id. */
    private List<TruthRecord> inTransaction(Function<TruthChainStore.ChainLock, List<TruthRecord>> batch,
            String keyId) {
        var key = keys.signingKey();
        return new TransactionTemplate(transactions).execute(status -> {
            var records = batch.apply(store.lock(List.of()));
            store.append(records.stream().map(record -> {
                byte[] canonical = record.canonical();
                return new SignedAppend(canonical,
                        Base64.getEncoder().encodeToString(key.signHash(Sha256.hash(canonical))), keyId, null);
            }).toList());
            return records;
        });
    }

    /** {@code count} records from the head, each linked to the one before, then each changed by {@code change}. */
    private List<TruthRecord> batch(TruthChainStore.ChainLock head, int count,
            UnaryOperator<TruthRecord> change) {
        var records = new ArrayList<TruthRecord>();
        String previous = head.headHash() == null ? TruthRecord.GENESIS_PREVIOUS_HASH : head.headHash();
        for (long sequence = head.headSequence() + 1; records.size() < count; sequence++) {
            var record = record(sequence, previous);
            previous = hashOf(record);
            records.add(record);
        }
        return records.stream().map(change).toList();
    }

    private TruthRecord record(long sequence, String previous) {
        return TruthRecord.create(sequence, RecordType.system_event, new Subject("system", UUID.randomUUID()),
                Actor.system(), "{\"event\":\"" + marker + "\"}", Instant.now(), previous);
    }

    private static String hashOf(TruthRecord record) {
        return HexFormat.of().formatHex(Sha256.hash(record.canonical()));
    }

    private static TruthRecord withSequence(TruthRecord r, long sequence) {
        return new TruthRecord(sequence, r.recordType(), r.subject(), r.actor(), r.payload(), r.createdAt(),
                r.previousHash());
    }

    private static TruthRecord withPrevious(TruthRecord r, String previous) {
        return new TruthRecord(r.sequence(), r.recordType(), r.subject(), r.actor(), r.payload(), r.createdAt(),
                previous);
    }

    /** How many of this test's records are on the chain. */
    private long appended() {
        return database.query("SELECT count(*) FROM truth_chain WHERE payload ->> 'event' = ?", Long.class, marker);
    }
}
