package com.agentanchor.truthchain.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The highest stored sequence; 0 when the chain is empty. */
    long length();

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

    /** A record ready to append: the exact bytes that were hashed, and their signature (base64) and key id. */
    record SignedAppend(byte[] canonical, String signature, String keyId, UUID sourceEventId) {
    }
}
