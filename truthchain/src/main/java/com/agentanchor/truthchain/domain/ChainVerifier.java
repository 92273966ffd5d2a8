package com.agentanchor.truthchain.domain;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Walks stored records in sequence order and reports the first broken link. It trusts only the stored canonical
 * bytes, the signatures and the published keys: each record's hash is recomputed from its bytes (never taken from
 * the hash column), each link compares the previous hash <em>inside the signed bytes</em> with the recomputed
 * hash of the record before, and the sequence inside the bytes must be the row's. Per record, in this order: gap,
 * malformed bytes, sequence, hash (when the hash column was read), previous hash, then (in {@link Mode#FULL}) key,
 * signature and columns.
 * <p>
 * The independent per-record work (hashing, signature checks) runs in parallel; the links are then checked in
 * order. The recomputed hashes of the records that passed are returned: they are the Merkle leaves, so a
 * checkpoint's root is built from verified records only.
 */
public final class ChainVerifier {

    /** What to check besides the hash chain. */
    public enum Mode {
        /** Every link, every signature and every column. */
        FULL,
        /**
         * Hashes and links only: for checking a prefix against a signed checkpoint, whose Merkle root then stands
         * in for the per-record signatures.
         */
        LINKS
    }

    /**
     * Signatures known to be good without Ed25519's arithmetic: those the caller made itself and remembered as made.
     * One counts only for the record, key, hash and signature it was made for, all four as remembered.
     */
    @FunctionalInterface
    public interface KnownSignatures {

        KnownSignatures NONE = (sequence, keyId, hash, signature) -> false;

        boolean vouchFor(long sequence, String keyId, byte[] hash, byte[] signature);
    }

    private static final int PARALLEL_THRESHOLD = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, VerificationKey> keys;

    public ChainVerifier(Collection<VerificationKey> keys) {
        var byId = new HashMap<String, VerificationKey>();
        for (VerificationKey key : keys) {
            byId.put(key.keyId(), key);
        }
        this.keys = Map.copyOf(byId);
    }

    /**
     * Verifies {@code records}, which should be consecutive from {@code first}; the record {@code first} must link
     * to {@code anchorHash} (the hash of record {@code first - 1}, or {@link TruthRecord#GENESIS_PREVIOUS_HASH}).
     * Stops at the first defect.
     */
    public Segment verify(long first, String anchorHash, List<StoredRecord> records, Mode mode) {
        return verify(first, anchorHash, records, mode, KnownSignatures.NONE);
    }

    /** As {@link #verify(long, String, List, Mode)}, checking no signature that {@code known} vouches for. */
    public Segment verify(long first, String anchorHash, List<StoredRecord> records, Mode mode,
            KnownSignatures known) {
        Objects.requireNonNull(anchorHash, "anchorHash");
        var checks = new Check[records.size()];
        var work = IntStream.range(0, records.size());
        (records.size() >= PARALLEL_THRESHOLD ? work.parallel() : work)
                .forEach(i -> checks[i] = check(records.get(i), mode, known));

        var hashes = new ArrayList<byte[]>(records.size());
        long expected = first;
        String anchor = anchorHash;
        for (int i = 0; i < records.size(); i++) {
            StoredRecord row = records.get(i);
            if (row.sequence() != expected) {
                return new Segment(first, hashes, anchor, row.sequence() > expected
                        ? new Finding(expected, Defect.gap, "record " + expected + " is missing (the next stored is "
                                + row.sequence() + ")")
                        : new Finding(expected, Defect.gap, "record " + row.sequence() + " is out of order"));
            }
            Finding finding = checks[i].finding(row, anchor, mode);
            if (finding != null) {
                return new Segment(first, hashes, anchor, finding);
            }
            hashes.add(checks[i].hash);
            anchor = checks[i].hashHex;
            expected++;
        }
        return new Segment(first, hashes, anchor, null);
    }

    private Check check(StoredRecord row, Mode mode, KnownSignatures known) {
        var check = new Check();
        check.hash = Sha256.hash(row.canonical());
        check.hashHex = HEX.formatHex(check.hash);
        try {
            if (mode == Mode.FULL) {
                check.record = TruthRecord.parse(row.canonical());
                check.link = new TruthRecord.Link(check.record.sequence(), check.record.previousHash());
            } else {
                check.link = TruthRecord.link(row.canonical());
            }
        } catch (TruthRecord.MalformedRecord e) {
            check.malformed = e.getMessage();
            return check;
        }
        if (mode == Mode.FULL) {
            VerificationKey key = keys.get(row.keyId());
            byte[] signature = decode(row.signature());
            if (key == null) {
                check.signature = Defect.unknown_key;
            } else if (!known.vouchFor(row.sequence(), key.keyId(), check.hash, signature)
                    && !key.verifyHash(check.hash, signature)) {
                check.signature = Defect.bad_signature;
            }
            check.column = columnMismatch(row, check.record);
        }
        return check;
    }

    private static byte[] decode(String base64) {
        try {
            return base64 == null ? null : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first column that disagrees with the signed bytes, or null. */
    private static String columnMismatch(StoredRecord row, TruthRecord signed) {
        if (!signed.previousHash().equals(row.previousHash())) {
            return "previous_hash";
        }
        if (!signed.recordType().name().equals(row.recordType())) {
            return "record_type";
        }
        if (!signed.subject().type().equals(row.subjectType()) || !signed.subject().id().equals(row.subjectId())) {
            return "subject";
        }
        var actor = signed.actor();
        if (!Objects.equals(actor == null ? null : actor.type(), row.actorType())
                || !Objects.equals(actor == null ? null : actor.id(), row.actorId())) {
            return "actor";
        }
        if (!signed.createdAt().equals(row.createdAt())) {
            return "created_at";
        }
        if (row.payload() != null) {
            String payload;
            try {
                payload = CanonicalJson.canonicalString(row.payload());
            } catch (IllegalArgumentException e) {
                return "payload";
            }
            if (!payload.equals(signed.payload())) {
                return "payload";
            }
        }
        return null;
    }

    /** The outcome of the independent checks of one record. */
    private static final class Check {
        byte[] hash;
        String hashHex;
        TruthRecord record;
        TruthRecord.Link link;
        String malformed;
        Defect signature;
        String column;

        Finding finding(StoredRecord row, String anchor, Mode mode) {
            long sequence = row.sequence();
            if (malformed != null) {
                return new Finding(sequence, Defect.malformed, "the stored bytes are not a truth record: " + malformed);
            }
            if (link.sequence() != sequence) {
                return new Finding(sequence, Defect.sequence_mismatch,
                        "the signed bytes are record " + link.sequence() + ", stored as record " + sequence);
            }
            if (row.hash() != null && !hashHex.equals(row.hash())) {
                return new Finding(sequence, Defect.hash_mismatch,
                        "the stored hash is not the SHA-256 of the stored bytes (" + hashHex + ")");
            }
            if (!link.previousHash().equals(anchor)) {
                return new Finding(sequence, Defect.wrong_previous_hash, "the signed previous hash "
                        + link.previousHash() + " is not the hash of record " + (sequence - 1) + " (" + anchor + ")");
            }
            if (mode == Mode.FULL) {
                if (signature == Defect.unknown_key) {
                    return new Finding(sequence, Defect.unknown_key, "no published key has id " + row.keyId());
                }
                if (signature == Defect.bad_signature) {
                    return new Finding(sequence, Defect.bad_signature,
                            "the signature does not verify with published key " + row.keyId());
                }
                if (column != null) {
                    return new Finding(sequence, Defect.column_mismatch,
                            "the " + column + " column differs from the signed record");
                }
            }
            return null;
        }
    }

    /**
     * What a walk found: the recomputed hashes of the records that passed, in order (the Merkle leaves), the hash of
     * the last of them (the anchor for the next segment), and the first defect, if any.
     */
    public record Segment(long first, List<byte[]> hashes, String lastHash, Finding finding) {

        public Segment {
            hashes = List.copyOf(hashes);
        }

        public boolean intact() {
            return finding == null;
        }

        public long verified() {
            return hashes.size();
        }
    }
}
