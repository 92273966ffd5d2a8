package com.agentanchor.truthchain.application.service;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.agentanchor.truthchain.application.port.in.ChainHead;
import com.agentanchor.truthchain.application.port.in.ConsistencyProof;
import com.agentanchor.truthchain.application.port.in.InclusionProof;
import com.agentanchor.truthchain.application.port.in.InvalidTruthQuery;
import com.agentanchor.truthchain.application.port.in.TruthRecordNotFound;
import com.agentanchor.truthchain.application.port.out.Checkpoints;
import com.agentanchor.truthchain.application.port.out.Checkpoints.StoredCheckpoint;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.Columns;
import com.agentanchor.truthchain.domain.ChainVerifier;
import com.agentanchor.truthchain.domain.Defect;
import com.agentanchor.truthchain.domain.Finding;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.TruthRecord;
import com.agentanchor.truthchain.domain.merkle.MerkleHash;
import com.agentanchor.truthchain.domain.merkle.MerkleLog;
import com.agentanchor.truthchain.domain.note.Checkpoint;
import com.agentanchor.truthchain.domain.note.NoteSigner;

/**
 * The Merkle tree over the verified prefix of the chain: records enter it only after their hash, link and signature
 * verified (a signature this instance made itself, exactly as it made it, is taken as verified: {@link OwnSignatures}),
 * with the hash recomputed from their bytes as the leaf data, so a checkpoint never covers a record that did not
 * verify. It extends itself from the table on demand. Checkpoints: a new one is signed only when the tree
 * grew past the latest signed one, and only after proving that the latest signed root is still the root of the
 * same prefix (so the log never signs two inconsistent checkpoints, across restarts too: signed checkpoints are
 * stored). Memory: about 64 bytes per record.
 */
@Component
class VerifiedLog {

    private static final Logger log = LoggerFactory.getLogger(VerifiedLog.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int CHUNK = 5_000;

    private final TruthChainStore store;
    private final Checkpoints checkpoints;
    private final KeyRing keys;
    private final OwnSignatures own;
    private final String origin;
    private final MerkleLog tree = new MerkleLog();
    private String lastHash = TruthRecord.GENESIS_PREVIOUS_HASH;
    private Finding stoppedAt;

    VerifiedLog(TruthChainStore store, Checkpoints checkpoints, KeyRing keys, OwnSignatures own,
            @Value("${agentanchor.truthchain.origin:agentanchor.local/truth-chain}") String origin) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.own = own;
        this.origin = origin;
        new Checkpoint(origin, 0, MerkleHash.emptyRoot()); // rejects an origin that is not one line
    }

    String origin() {
        return origin;
    }

    synchronized ChainHead head() {
        long stored = extend();
        long size = tree.size();
        Finding problem = stoppedAt;
        if (problem == null && stored < size) {
            problem = new Finding(stored + 1, Defect.truncated, size + " records were verified, but only " + stored
                    + " are stored now");
        }
        var latest = checkpoints.latest().orElse(null);
        String note;
        if (stored < size) {
            note = latest == null ? null : latest.note();
        } else if (latest != null && latest.treeSize() > size) {
            note = latest.note();
            if (problem == null) {
                problem = new Finding(size + 1, Defect.truncated, "a checkpoint of size " + latest.treeSize()
                        + " was signed, but only " + size + " records are stored");
            }
        } else if (latest != null && !HEX.formatHex(tree.rootHash(latest.treeSize())).equals(latest.rootHash())) {
            note = latest.note();
            problem = new Finding(latest.treeSize(), Defect.hash_mismatch, "the first " + latest.treeSize()
                    + " records no longer have the root of the checkpoint signed for them");
            log.error("Truth chain: {}; no new checkpoint will be signed", problem.reason());
        } else if (latest != null && latest.treeSize() == size) {
            note = latest.note();
        } else {
            byte[] root = tree.rootHash(size);
            var signingKey = keys.signingKey();
            note = new Checkpoint(origin, size, root).sign(new NoteSigner(origin, signingKey));
            checkpoints.record(new StoredCheckpoint(size, HEX.formatHex(root), signingKey.keyId(), note));
        }
        return new ChainHead(size, size == 0 ? null : lastHash, base64(tree.rootHash(size)), origin, note, stored,
                problem);
    }

    synchronized InclusionProof inclusionProof(long sequence, Long treeSize) {
        extend();
        long verified = tree.size();
        if (sequence < 1) {
            throw new InvalidTruthQuery("sequence", "must be at least 1");
        }
        if (sequence > verified) {
            throw new TruthRecordNotFound(sequence);
        }
        long size = treeSize == null ? verified : treeSize;
        if (size < sequence) {
            throw new InvalidTruthQuery("treeSize", "must be at least the sequence (" + sequence + ")");
        }
        if (size > verified) {
            throw new InvalidTruthQuery("treeSize", "must not exceed the verified head (" + verified + ")");
        }
        var proof = tree.inclusionProof(sequence - 1, size).stream().map(VerifiedLog::base64).toList();
        return new InclusionProof(sequence, sequence - 1, size, recordHash(sequence), base64(tree.rootHash(size)),
                proof);
    }

    synchronized ConsistencyProof consistencyProof(long from, long to) {
        extend();
        long verified = tree.size();
        if (from < 1) {
            throw new InvalidTruthQuery("from", "must be at least 1");
        }
        if (to < from) {
            throw new InvalidTruthQuery("to", "must be at least from (" + from + ")");
        }
        if (to > verified) {
            throw new InvalidTruthQuery("to", "must not exceed the verified head (" + verified + ")");
        }
        List<String> proof = tree.consistencyProof(from, to).stream().map(VerifiedLog::base64).toList();
        return new ConsistencyProof(from, to, base64(tree.rootHash(from)), base64(tree.rootHash(to)), proof);
    }

    /** The root of the first {@code size} verified records, extending the tree as needed; null if not verified. */
    synchronized byte[] rootHash(long size) {
        if (size > tree.size()) {
            extend();
        }
        return size > tree.size() ? null : tree.rootHash(size);
    }

    /** Verifies and adds the records stored since the last call; returns how many are stored. */
    private long extend() {
        long stored = store.length();
        while (tree.size() < stored) {
            long from = tree.size() + 1;
            long to = Math.min(stored, from + CHUNK - 1);
            var rows = store.range(from, to, Columns.ALL);
            var segment = keys.verifierFor(rows).verify(from, lastHash, rows, ChainVerifier.Mode.FULL, own);
            for (byte[] hash : segment.hashes()) {
                tree.append(MerkleHash.leaf(hash));
            }
            own.forgetThrough(tree.size());
            lastHash = segment.lastHash();
            if (!segment.intact()) {
                if (!segment.finding().equals(stoppedAt)) {
                    log.error("Truth chain verification stopped at record {}: {}", segment.finding().sequence(),
                            segment.finding().reason());
                }
                stoppedAt = segment.finding();
                return stored;
            }
        }
        stoppedAt = null;
        return stored;
    }

    /** The hash of a verified record, recomputed from its bytes and checked against its leaf in the tree. */
    private String recordHash(long sequence) {
        var rows = store.range(sequence, sequence, Columns.LINKS);
        if (rows.isEmpty()) {
            throw new TruthRecordNotFound(sequence);
        }
        byte[] hash = Sha256.hash(rows.get(0).canonical());
        if (!MessageDigest.isEqual(MerkleHash.leaf(hash), tree.leafHash(sequence - 1))) {
            throw new IllegalStateException("record " + sequence + " changed since it was verified");
        }
        return HEX.formatHex(hash);
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
