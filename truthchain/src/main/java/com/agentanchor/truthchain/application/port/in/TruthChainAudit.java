package com.agentanchor.truthchain.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.platform.paging.KeysetPage;

/**
 * Public verification: what anyone, with or without an account, may check. Everything here is computed from the
 * stored canonical bytes, the signatures and the published keys, never from a re-serialization.
 */
@PrimaryPort
public interface TruthChainAudit {

    /**
     * One record, with whether it verifies: hash, signature, columns, and its link to the record before.
     *
     * @throws TruthRecordNotFound when no record has this sequence
     * @throws InvalidTruthQuery for a sequence below 1
     */
    RecordVerification record(long sequence);

    /**
     * The records about one subject, newest first, {@code limit} at a time, each exactly as {@link #record} shows it
     * to this caller (sealed ones with their private fields only for those who may see the subject); {@code before}
     * is the {@code next} of the page before.
     *
     * @throws com.agentanchor.platform.paging.Cursor.Invalid when {@code before} is not a cursor of this list
     */
    KeysetPage<RecordVerification> recordsOf(UUID subjectId, String before, int limit);

    /**
     * Walks records {@code from..to} (defaults: 1 and the last stored) checking every hash, link and signature;
     * reports the first broken link, including records missing at the end of a range or since a signed checkpoint.
     */
    RangeVerification verify(Long from, Long to);

    /**
     * Checks records 1..n against the latest signed checkpoint of size n, as an auditor holding that checkpoint
     * would: the note's signature with a published key, every hash and link, and the Merkle root of the
     * recomputed record hashes against the signed root. No per-record signature is checked: the checkpoint's
     * signature covers them all.
     */
    CheckpointVerification verifyAgainstLatestCheckpoint();

    /** The verified head and a signed C2SP checkpoint of it; signs a new checkpoint only when the chain grew. */
    ChainHead head();

    /** RFC 9162 inclusion proof of record {@code sequence} (leaf index sequence - 1) in the tree of {@code treeSize}. */
    InclusionProof inclusionProof(long sequence, Long treeSize);

    /** RFC 9162 consistency proof between the trees of sizes {@code from} and {@code to}. */
    ConsistencyProof consistencyProof(long from, long to);

    /** Every key that has signed or signs records, current and retired. */
    List<PublishedKeyView> keys();
}
