package com.agentanchor.truthchain.domain;

/** Why a record fails verification, in the order they are checked. */
public enum Defect {
    /** The record with this sequence is not stored: deleted, or never written. */
    gap,
    /** The stored bytes are not a truth record. */
    malformed,
    /** The signed bytes name another sequence than the row they are stored in. */
    sequence_mismatch,
    /** The stored hash is not the SHA-256 of the stored bytes. */
    hash_mismatch,
    /** The signed previous hash is not the hash of the record before. */
    wrong_previous_hash,
    /** No published key has this key id. */
    unknown_key,
    /** The signature does not verify with the published key. */
    bad_signature,
    /** A column disagrees with the signed bytes it copies. */
    column_mismatch,
    /** Fewer records are stored than a signed checkpoint once covered. */
    truncated
}
