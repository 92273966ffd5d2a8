package com.agentanchor.truthchain.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.truthchain.domain.StoredRecord;

/** The stored chain. Appends only through {@link #lock} then {@link #append}, in one READ COMMITTED transaction. */
public interface TruthChainStore {

    /**
     * Takes the chain's advisory lock for the rest of the transaction and reads the head with a fresh snapshot,
     * plus the records already appended for any of {@code sourceEventIds}.
     */
    ChainLock lock(Collection<UUID> sourceEventIds);

    /** Appends signed records in order; the next one after the head read under {@link #lock}. */
    void append(List<SignedAppend> records);

    /**
     * Keeps the openings of sealed records appended in this transaction beside the chain; the database checks each
     * against the commitment in the record's signed bytes.
     */
    void keepPrivate(List<PrivateOpening> openings);

    /**
     * The stored opening of record {@code sequence}, as the current caller may read it (row-level security: only
     * those who may see the record's subject); empty when hidden from them or never sealed.
     */
    Optional<StoredOpening> opening(long sequence);

    /** Erases the private fields of the current caller, their agents, the decisions about those and their acquisitions. */
    int eraseMyPrivateFields();

    /** The highest stored sequence; 0 when the chain is empty. */
    long length();

    /** The sequences of the records about {@code subjectId}, highest first, below {@code before} when given. */
    List<Long> sequencesOf(UUID subjectId, Long before, int limit);

    /** Records {@code from..to} in sequence order (missing ones simply absent), with the columns asked for. */
    List<StoredRecord> range(long from, long to, Columns columns);

    /** How much of each row to read. */
    enum Columns {
        /** Sequence and canonical bytes only (the other fields are null): enough to walk links. */
        LINKS,
        /** Every column but the payload copy. */
        ALL,
        /** Every column, the payload copy (as text) included. */
        ALL_AND_PAYLOAD
    }

    /** The head under the lock: {@code headHash} is null for an empty chain. */
    record ChainLock(long headSequence, String headHash, Map<UUID, KnownRecord> known) {
    }

    record KnownRecord(long sequence, String hash) {
    }

    /** The private fields of sealed record {@code sequence}: canonical JSON bytes whose SHA-256 it signed. */
    record PrivateOpening(long sequence, byte[] opening) {
    }

    /** A sealed record's opening as stored: {@code opening} is null once erased, at {@code erasedAt}. */
    record StoredOpening(byte[] opening, java.time.Instant erasedAt) {
    }

    /** A record ready to append: the exact bytes that were hashed, and their signature (base64) and key id. */
    record SignedAppend(byte[] canonical, String signature, String keyId, UUID sourceEventId) {
    }
}
