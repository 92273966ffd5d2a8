package com.agentanchor.truthchain.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.agentanchor.platform.paging.Cursor;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.truthchain.application.port.in.ChainHead;
import com.agentanchor.truthchain.application.port.in.CheckpointVerification;
import com.agentanchor.truthchain.application.port.in.ConsistencyProof;
import com.agentanchor.truthchain.application.port.in.InclusionProof;
import com.agentanchor.truthchain.application.port.in.InvalidTruthQuery;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.PrivateFieldsErasure;
import com.agentanchor.truthchain.application.port.in.PublishedKeyView;
import com.agentanchor.truthchain.application.port.in.RangeVerification;
import com.agentanchor.truthchain.application.port.in.RecordVerification;
import com.agentanchor.truthchain.application.port.in.RecordedTruth;
import com.agentanchor.truthchain.application.port.in.TruthChainAudit;
import com.agentanchor.truthchain.application.port.in.TruthRecordNotFound;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.application.port.out.Checkpoints;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.Columns;
import com.agentanchor.truthchain.domain.CanonicalJson;
import com.agentanchor.truthchain.domain.ChainVerifier;
import com.agentanchor.truthchain.domain.Defect;
import com.agentanchor.truthchain.domain.Finding;
import com.agentanchor.truthchain.domain.PrivateFields;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.StoredRecord;
import com.agentanchor.truthchain.domain.TruthRecord;
import com.agentanchor.truthchain.domain.VerificationKey;
import com.agentanchor.truthchain.domain.merkle.MerkleHash;
import com.agentanchor.truthchain.domain.merkle.MerkleLog;
import com.agentanchor.truthchain.domain.note.Checkpoint;
import com.agentanchor.truthchain.domain.note.NoteVerifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@Service
class TruthChainService implements TruthRecording, TruthChainAudit, PrivateFieldsErasure {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CHUNK = 5_000;
    /** The name a subject's record list gives its cursors, so that another list's cursor is refused. */
    private static final String SUBJECT_RECORDS = "truth-chain-subject";

    private final ChainAppender appender;
    private final VerifiedLog verifiedLog;
    private final TruthChainStore store;
    private final Checkpoints checkpoints;
    private final KeyRing keys;
    private final IntegrityAlarm alarm;
    private final long maxRange;
    private final Counter appends;
    private final Counter repeats;

    TruthChainService(ChainAppender appender, VerifiedLog verifiedLog, TruthChainStore store, Checkpoints checkpoints,
            KeyRing keys, IntegrityAlarm alarm, @Value("${agentanchor.truthchain.max-verify-range:100000}") long maxRange,
            MeterRegistry meters) {
        this.appends = Counter.builder("agentanchor.truthchain.appends").tag("outcome", "appended")
                .description("Truth chain records appended").register(meters);
        this.repeats = Counter.builder("agentanchor.truthchain.appends").tag("outcome", "already_recorded")
                .description("Truth chain records appended").register(meters);
        this.appender = appender;
        this.verifiedLog = verifiedLog;
        this.store = store;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.alarm = alarm;
        this.maxRange = maxRange;
    }

    @Override
    public RecordedTruth record(NewTruth truth) {
        var recorded = appender.append(truth);
        (recorded.alreadyRecorded() ? repeats : appends).increment();
        return recorded;
    }

    @Override
    public RecordVerification record(long sequence) {
        if (sequence < 1) {
            throw new InvalidTruthQuery("sequence", "must be at least 1");
        }
        var rows = store.range(Math.max(1, sequence - 1), sequence, Columns.ALL_AND_PAYLOAD);
        var row = rows.stream().filter(r -> r.sequence() == sequence).findFirst()
                .orElseThrow(() -> new TruthRecordNotFound(sequence));
        Finding finding;
        if (sequence > 1 && rows.size() < 2) {
            finding = new Finding(sequence - 1, Defect.gap, "record " + (sequence - 1)
                    + " is missing, so the link to it cannot be checked");
        } else if (!isCanonical(row.canonical())) {
            finding = new Finding(sequence, Defect.malformed, "the stored bytes are not RFC 8785 canonical JSON");
        } else {
            String anchor = sequence == 1 ? TruthRecord.GENESIS_PREVIOUS_HASH
                    : HEX.formatHex(Sha256.hash(rows.get(0).canonical()));
            finding = keys.verifierFor(List.of(row)).verify(sequence, anchor, List.of(row), ChainVerifier.Mode.FULL)
                    .finding();
        }
        alarm.raiseIfBroken(finding);
        return view(row, finding);
    }

    /**
     * Each record through {@link #record(long)}, the one path that verifies a record and decides what of it this caller
     * may see: a subject's list shows nothing that its records one by one would not.
     */
    @Override
    public KeysetPage<RecordVerification> recordsOf(UUID subjectId, String before, int limit) {
        var from = Cursor.decode(before, SUBJECT_RECORDS, "before");
        var sequences = store.sequencesOf(subjectId, from == null ? null : from.sequence(), limit + 1);
        return KeysetPage.of(sequences, limit, this::record, sequence -> Cursor.of(SUBJECT_RECORDS, sequence));
    }

    @Override
    public int eraseMine() {
        return store.eraseMyPrivateFields();
    }

    @Override
    public RangeVerification verify(Long from, Long to) {
        long length = store.length();
        long first = from == null ? 1 : from;
        if (first < 1) {
            throw new InvalidTruthQuery("from", "must be at least 1");
        }
        long last = to == null ? length : to;
        if (last < first) {
            if (to != null) {
                throw new InvalidTruthQuery("to", "must be at least from (" + first + ")");
            }
            if (first > 1) {
                throw new InvalidTruthQuery("from", "must not exceed the last record (" + length + ")");
            }
            return new RangeVerification(first, last, 0, true, null, length); // an empty chain
        }
        if (last - first >= maxRange) {
            throw new InvalidTruthQuery("to", "a range holds at most " + maxRange + " records; verify in pages");
        }
        var walk = walk(first, last, ChainVerifier.Mode.FULL, null);
        Finding finding = walk.finding;
        // Records cut from the end leave no broken link behind: only a signed checkpoint remembers them.
        boolean toTheEnd = to == null || last > length;
        if (toTheEnd && (finding == null || finding.sequence() > length)) {
            var latest = checkpoints.latest().orElse(null);
            if (latest != null && latest.treeSize() > length) {
                finding = new Finding(length + 1, Defect.truncated, "a checkpoint of size " + latest.treeSize()
                        + " was signed, but the chain ends at " + length);
            }
        }
        alarm.raiseIfBroken(finding);
        return new RangeVerification(first, last, walk.verified, finding == null, finding, length);
    }

    @Override
    public CheckpointVerification verifyAgainstLatestCheckpoint() {
        var latest = checkpoints.latest().orElse(null);
        if (latest == null) {
            return new CheckpointVerification(0, null, 0, false, false,
                    new Finding(1, Defect.truncated, "no checkpoint has been signed yet"));
        }
        keys.all(); // fresh
        var trusted = keys.verificationKeys().stream()
                .map(k -> new NoteVerifier(verifiedLog.origin(), k.publicKey())).toList();
        var checkpoint = Checkpoint.open(latest.note(), trusted).orElse(null);
        if (checkpoint == null || checkpoint.size() != latest.treeSize()) {
            return new CheckpointVerification(latest.treeSize(), latest.note(), 0, false, false,
                    new Finding(latest.treeSize(), Defect.bad_signature,
                            "the stored checkpoint does not verify with a published key"));
        }
        var tree = new MerkleLog();
        var walk = walk(1, checkpoint.size(), ChainVerifier.Mode.LINKS, tree);
        boolean rootMatches = walk.finding == null && tree.size() == checkpoint.size()
                && MessageDigest.isEqual(tree.rootHash(tree.size()), checkpoint.rootHash());
        Finding finding = walk.finding;
        if (finding == null && !rootMatches) {
            finding = new Finding(checkpoint.size(), Defect.hash_mismatch,
                    "the records' Merkle root is not the signed checkpoint's");
        }
        return new CheckpointVerification(checkpoint.size(), latest.note(), walk.verified, rootMatches,
                finding == null, finding);
    }

    @Override
    public ChainHead head() {
        return verifiedLog.head();
    }

    @Override
    public InclusionProof inclusionProof(long sequence, Long treeSize) {
        return verifiedLog.inclusionProof(sequence, treeSize);
    }

    @Override
    public ConsistencyProof consistencyProof(long from, long to) {
        return verifiedLog.consistencyProof(from, to);
    }

    @Override
    public List<PublishedKeyView> keys() {
        var origin = verifiedLog.origin();
        var all = keys.all();
        var usable = keys.verificationKeys().stream().map(VerificationKey::keyId).toList();
        return all.stream().map(k -> {
            boolean valid = usable.contains(k.keyId());
            return new PublishedKeyView(k.keyId(), k.algorithm(), Base64.getEncoder().encodeToString(k.publicKey()),
                    valid ? publicKeyPem(k.publicKey()) : null,
                    valid ? new NoteVerifier(origin, k.publicKey()).vkey() : null, k.createdAt(), k.retiredAt(),
                    valid && k.retiredAt() == null);
        }).toList();
    }

    /** Walks first..last in chunks, each verified (in parallel inside) while the next one is read. */
    private Walk walk(long first, long last, ChainVerifier.Mode mode, MerkleLog tree) {
        String anchor = TruthRecord.GENESIS_PREVIOUS_HASH;
        if (first > 1) {
            var before = store.range(first - 1, first - 1, Columns.LINKS);
            if (before.isEmpty()) {
                return new Walk(0, new Finding(first - 1, Defect.gap, "record " + (first - 1)
                        + " is missing, so the link to it cannot be checked"));
            }
            anchor = HEX.formatHex(Sha256.hash(before.get(0).canonical()));
        }
        long verified = 0;
        long next = first;
        var reads = new ChunkReader(store, mode == ChainVerifier.Mode.FULL ? Columns.ALL_AND_PAYLOAD : Columns.LINKS,
                first, last, CHUNK);
        try {
            while (next <= last) {
                var rows = reads.next();
                if (rows.isEmpty()) {
                    break;
                }
                var verifier = mode == ChainVerifier.Mode.FULL ? keys.verifierFor(rows)
                        : new ChainVerifier(List.of());
                var segment = verifier.verify(next, anchor, rows, mode);
                verified += segment.verified();
                if (tree != null) {
                    // Leaf hashes in parallel, the tree in order.
                    segment.hashes().parallelStream().map(MerkleHash::leaf).toList().forEach(tree::append);
                }
                if (!segment.intact()) {
                    return new Walk(verified, segment.finding());
                }
                anchor = segment.lastHash();
                next += segment.verified();
            }
        } finally {
            reads.close();
        }
        if (next <= last) {
            return new Walk(verified, new Finding(next, Defect.gap, "record " + next + " is missing (the chain ends at "
                    + (next - 1) + ")"));
        }
        return new Walk(verified, null);
    }

    private static boolean isCanonical(byte[] bytes) {
        try {
            return Arrays.equals(CanonicalJson.canonicalize(bytes), bytes);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private RecordVerification view(StoredRecord row, Finding finding) {
        TruthRecord signed = null;
        try {
            signed = TruthRecord.parse(row.canonical());
        } catch (TruthRecord.MalformedRecord e) {
            // shown from its columns below
        }
        boolean verified = finding == null;
        Defect defect = verified ? null : finding.defect();
        String reason = verified ? null : finding.reason();
        if (signed == null) {
            return new RecordVerification(row.sequence(), row.recordType(), null, null, row.payload(),
                    row.createdAt(), row.previousHash(), row.hash(), row.signature(), row.keyId(), row.canonical(),
                    false, defect, reason, 0, null, null, false, "withheld");
        }
        String opening = null;
        boolean payloadVerified = verified;
        String disclosure = "public";
        if (signed.sealed()) {
            // Read as the caller: row-level security shows the opening only to those who may see the subject.
            var kept = store.opening(row.sequence()).orElse(null);
            byte[] stored = kept == null ? null : kept.opening();
            boolean opens = PrivateFields.opens(stored, signed.commitment());
            payloadVerified = verified && opens;
            disclosure = kept == null ? "withheld" : stored == null ? "erased" : opens ? "disclosed" : "mismatch";
            // Shown as JSON only when it is JSON; a tampered opening that is not is withheld (and reported).
            opening = stored != null && PrivateFields.isJson(stored) ? new String(stored, StandardCharsets.UTF_8)
                    : null;
        }
        return new RecordVerification(row.sequence(), signed.recordType().name(), signed.subject(), signed.actor(),
                signed.payload(), signed.createdAt(), signed.previousHash(), row.hash(), row.signature(), row.keyId(),
                row.canonical(), verified, defect, reason, signed.format(), signed.commitment(), opening,
                payloadVerified, disclosure);
    }

    private static String publicKeyPem(byte[] publicKey) {
        byte[] spki = new byte[12 + publicKey.length];
        System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(publicKey, 0, spki, 12, publicKey.length);
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private record Walk(long verified, Finding finding) {
    }

    /**
     * Reads chunks ahead on other threads (two at a time, on two connections) while the current one is verified:
     * reading is the larger part of walking links.
     */
    private static final class ChunkReader implements AutoCloseable {

        private static final int AHEAD = 2;

        private final TruthChainStore store;
        private final Columns columns;
        private final long last;
        private final int chunk;
        private final ArrayDeque<CompletableFuture<List<StoredRecord>>> ahead = new ArrayDeque<>();
        private long nextFrom;

        ChunkReader(TruthChainStore store, Columns columns, long first, long last, int chunk) {
            this.store = store;
            this.columns = columns;
            this.last = last;
            this.chunk = chunk;
            this.nextFrom = first;
            for (int i = 0; i < AHEAD; i++) {
                ahead.add(read());
            }
        }

        List<StoredRecord> next() {
            var rows = ahead.poll().join();
            ahead.add(read());
            return rows;
        }

        private CompletableFuture<List<StoredRecord>> read() {
            if (nextFrom > last) {
                return CompletableFuture.completedFuture(new ArrayList<>());
            }
            long from = nextFrom;
            long to = Math.min(last, from + chunk - 1);
            nextFrom = to + 1;
            return CompletableFuture.supplyAsync(() -> store.range(from, to, columns), READER);
        }

        @Override
        public void close() {
            ahead.forEach(f -> f.cancel(false));
        }

        private static final Executor READER = Executors
                .newCachedThreadPool(r -> {
                    var thread = new Thread(r, "truth-chain-reader");
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
