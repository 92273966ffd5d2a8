package com.agentanchor.truthchain.adapter.out.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.truthchain.application.port.out.Checkpoints;
import com.agentanchor.truthchain.application.port.out.PublishedKeys;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.domain.StoredRecord;

/**
 * The truth chain's tables. The app role may only read them; every write goes through a definer function that
 * checks it (truth_chain_append and its batch form, truth_chain_publish_key, truth_chain_record_checkpoint).
 */
@Repository
class JdbcTruthChain implements TruthChainStore, PublishedKeys, Checkpoints {

    private static final String RECORD_COLUMNS = """
            sequence_number, previous_hash, hash, record_type, subject_type, subject_id, actor_type, actor_id,
            created_at, canonical, signature, key_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate asCaller;

    JdbcTruthChain(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // In a transaction, so that row-level security sees who calls (the transaction manager sets it at begin).
        this.asCaller = new TransactionTemplate(transactions);
    }

    @Override
    public ChainLock lock(Collection<UUID> sourceEventIds) {
        return jdbc.sql("""
                SELECT head_sequence, head_hash, known_source_event_ids, known_sequences, known_hashes
                  FROM truth_chain_lock(?)""")
                .param(array("uuid", sourceEventIds.toArray(UUID[]::new)))
                .query((rs, n) -> {
                    var known = new HashMap<UUID, KnownRecord>();
                    var ids = (Object[]) rs.getArray("known_source_event_ids").getArray();
                    var sequences = (Object[]) rs.getArray("known_sequences").getArray();
                    var hashes = (Object[]) rs.getArray("known_hashes").getArray();
                    for (int i = 0; i < ids.length; i++) {
                        known.put((UUID) ids[i], new KnownRecord(((Number) sequences[i]).longValue(), (String) hashes[i]));
                    }
                    return new ChainLock(rs.getLong("head_sequence"), rs.getString("head_hash"), known);
                })
                .single();
    }

    @Override
    public void append(List<SignedAppend> records) {
        jdbc.sql("SELECT truth_chain_append_signed(?, ?, ?, ?)")
                .params(array("bytea", records.stream().map(SignedAppend::canonical).toArray(byte[][]::new)),
                        array("text", records.stream().map(SignedAppend::signature).toArray(String[]::new)),
                        array("text", records.stream().map(SignedAppend::keyId).toArray(String[]::new)),
                        array("uuid", records.stream().map(SignedAppend::sourceEventId).toArray(UUID[]::new)))
                .query((rs, n) -> rs.getInt(1))
                .single();
    }

    @Override
    public void keepPrivate(List<PrivateOpening> openings) {
        jdbc.sql("SELECT truth_chain_keep_private(?, ?)")
                .params(array("bigint", openings.stream().map(PrivateOpening::sequence).toArray(Long[]::new)),
                        array("bytea", openings.stream().map(PrivateOpening::opening).toArray(byte[][]::new)))
                .query((rs, n) -> rs.getInt(1))
                .single();
    }

    @Override
    public Optional<StoredOpening> opening(long sequence) {
        return asCaller.execute(status -> {
            status.setRollbackOnly(); // reads only
            return jdbc.sql("SELECT opening, erased_at FROM truth_chain_private WHERE sequence_number = ?")
                    .param(sequence)
                    .query((rs, n) -> new StoredOpening(rs.getBytes("opening"), instant(rs, "erased_at")))
                    .optional();
        });
    }

    @Override
    public int eraseMyPrivateFields() {
        return asCaller.execute(status -> jdbc.sql("SELECT truth_chain_erase_my_private()").query(Integer.class)
                .single());
    }

    @Override
    public long length() {
        return jdbc.sql("SELECT coalesce(max(sequence_number), 0) FROM truth_chain").query(Long.class).single();
    }

    @Override
    public List<Long> sequencesOf(UUID subjectId, Long before, int limit) {
        return jdbc.sql("SELECT sequence_number FROM truth_chain WHERE subject_id = ?"
                + (before == null ? "" : " AND sequence_number < ?") + " ORDER BY sequence_number DESC LIMIT ?")
                .params(before == null ? List.of(subjectId, limit) : List.of(subjectId, before, limit))
                .query(Long.class).list();
    }

    @Override
    public List<StoredRecord> range(long from, long to, Columns columns) {
        String select = switch (columns) {
            case LINKS -> "sequence_number, canonical";
            case ALL -> RECORD_COLUMNS;
            case ALL_AND_PAYLOAD -> RECORD_COLUMNS + ", payload::text AS payload";
        };
        return jdbc.sql("SELECT " + select
                + " FROM truth_chain WHERE sequence_number BETWEEN ? AND ? ORDER BY sequence_number")
                .params(from, to)
                .query((rs, n) -> columns == Columns.LINKS ? link(rs) : record(rs, columns == Columns.ALL_AND_PAYLOAD))
                .list();
    }

    @Override
    public void publish(String keyId, byte[] publicKey) {
        jdbc.sql("SELECT key_id FROM truth_chain_publish_key(?, ?)").params(keyId, publicKey).query(String.class)
                .single();
    }

    @Override
    public List<PublishedKey> all() {
        return jdbc.sql("""
                SELECT key_id, algorithm, public_key, created_at, retired_at FROM truth_chain_keys
                 ORDER BY created_at, key_id""")
                .query((rs, n) -> new PublishedKey(rs.getString("key_id"), rs.getString("algorithm"),
                        rs.getBytes("public_key"), instant(rs, "created_at"), instant(rs, "retired_at")))
                .list();
    }

    @Override
    public Optional<StoredCheckpoint> latest() {
        return jdbc.sql("""
                SELECT tree_size, root_hash, key_id, note FROM truth_chain_checkpoints
                 ORDER BY tree_size DESC LIMIT 1""")
                .query((rs, n) -> new StoredCheckpoint(rs.getLong("tree_size"), rs.getString("root_hash"),
                        rs.getString("key_id"), rs.getString("note")))
                .optional();
    }

    @Override
    public void record(StoredCheckpoint checkpoint) {
        jdbc.sql("SELECT tree_size FROM truth_chain_record_checkpoint(?, ?, ?, ?)")
                .params(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.keyId(), checkpoint.note())
                .query(Long.class).single();
    }

    private static StoredRecord record(ResultSet rs, boolean withPayload) throws SQLException {
        return new StoredRecord(rs.getLong("sequence_number"), rs.getString("previous_hash"), rs.getString("hash"),
                rs.getString("record_type"), rs.getString("subject_type"), rs.getObject("subject_id", UUID.class),
                rs.getString("actor_type"), rs.getObject("actor_id", UUID.class), instant(rs, "created_at"),
                rs.getBytes("canonical"), rs.getString("signature"), rs.getString("key_id"),
                withPayload ? rs.getString("payload") : null);
    }

    private static StoredRecord link(ResultSet rs) throws SQLException {
        return new StoredRecord(rs.getLong(1), null, null, null, null, null, null, null, null, rs.getBytes(2), null,
                null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A PostgreSQL array parameter, made on the statement's own connection. */
    private static AbstractSqlTypeValue array(String elementType, Object[] elements) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Array createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(elementType, elements);
            }
        };
    }
}
