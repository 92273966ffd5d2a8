package com.agentanchor.truthchain.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code truth_chain} as stored: the canonical bytes that were hashed and signed, and the columns that copy
 * them for querying. Verification trusts only the bytes, the signature and the published keys; the columns are
 * checked against the bytes.
 *
 * @param payload the payload column as PostgreSQL prints it, or {@code null} to leave it unchecked
 */
public record StoredRecord(long sequence, String previousHash, String hash, String recordType, String subjectType,
        UUID subjectId, String actorType, UUID actorId, Instant createdAt, byte[] canonical, String signature,
        String keyId, String payload) {
}
