package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainVerifierTests {

    static final PlatformKey KEY = PlatformKey.generate();
    static final ChainVerifier VERIFIER = new ChainVerifier(List.of(VerificationKey.of(KEY.publicKey())));

    /** A chain of n records as the app stores them. */
    static List<StoredRecord> chain(int n, PlatformKey key) {
        var rows = new ArrayList<StoredRecord>();
        String previous = TruthRecord.GENESIS_PREVIOUS_HASH;
        for (int i = 1; i <= n; i++) {
            var record = TruthRecord.create(i, RecordType.agent_creation, Subject.agent(UUID.randomUUID()),
                    Actor.user(UUID.randomUUID()), "{\"i\":" + i + ",\"text\":\"a \\\"quoted\\\" \\\\ value\"}",
                    Instant.parse("2025-01-01T00:00:00Z").plusMillis(i), previous);
            rows.add(stored(record, key));
            previous = rows.get(rows.size() - 1).hash();
        }
        return rows;
    }

    static StoredRecord stored(TruthRecord record, PlatformKey key) {
        byte[] canonical = record.canonical();
        byte[] hash = Sha256.hash(canonical);
        return new StoredRecord(record.sequence(), record.previousHash(), HexFormat.of().formatHex(hash),
                record.recordType().name(), record.subject().type(), record.subject().id(), record.actor().type(),
                record.actor().id(), record.createdAt(), canonical, Base64.getEncoder().encodeToString(key.signHash(hash)),
                key.keyId(), record.payload().replace(":", ": "));
    }

    static StoredRecord with(StoredRecord r, UnaryOperator<Builder> change) {
        return change.apply(new Builder(r)).build();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 10, 200 })
    void anIntactChainVerifiesAndYieldsTheRecomputedHashes(int n) {
        var rows = chain(n, KEY);
        var segment = VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL);
        assertThat(segment.intact()).isTrue();
        assertThat(segment.verified()).isEqualTo(n);
        assertThat(segment.lastHash()).isEqualTo(rows.get(n - 1).hash());
        assertThat(HexFormat.of().formatHex(segment.hashes().get(0))).isEqualTo(rows.get(0).hash());
    }

    @Test
    void aSegmentLinksToItsAnchor() {
        var rows = chain(20, KEY);
        var tail = rows.subList(10, 20);
        assertThat(VERIFIER.verify(11, rows.get(9).hash(), tail, ChainVerifier.Mode.FULL).intact()).isTrue();
        var wrong = VERIFIER.verify(11, rows.get(8).hash(), tail, ChainVerifier.Mode.FULL);
        assertThat(wrong.finding()).extracting(Finding::sequence, Finding::defect)
                .containsExactly(11L, Defect.wrong_previous_hash);
    }

    @ParameterizedTest
    @ValueSource(ints = { 5, 150 }) // sequential and parallel paths
    void everyKindOfDamageIsFoundAndPinpointed(int n) {
        int at = n - 3; // the damaged record's index; its sequence is at + 1
        long sequence = at + 1;
        assertFinds(n, at, r -> r.canonical(r.canonical.length - 1), Defect.malformed, sequence);
        assertFinds(n, at, r -> r.hash("0".repeat(64)), Defect.hash_mismatch, sequence);
        assertFinds(n, at, r -> r.sequence(r.sequence + 1), Defect.gap, sequence);
        assertFinds(n, at, r -> r.keyId("someone-else"), Defect.unknown_key, sequence);
        assertFinds(n, at, r -> r.signature(Base64.getEncoder().encodeToString(new byte[64])), Defect.bad_signature,
                sequence);
        assertFinds(n, at, r -> r.signature("not base64!"), Defect.bad_signature, sequence);
        assertFinds(n, at, r -> r.payload("{\"i\": 999}"), Defect.column_mismatch, sequence);
        assertFinds(n, at, r -> r.recordType("trust_change"), Defect.column_mismatch, sequence);
        assertFinds(n, at, r -> r.previousHash("f".repeat(64)), Defect.column_mismatch, sequence);
        // A superuser rewrites the bytes and the hash column to match: the signature gives it away.
        assertFinds(n, at, r -> r.rewrite("\"i\":" + sequence, "\"i\":-1", false), Defect.bad_signature, sequence);
        // ...and re-signs with a key of their own: not a published key.
        assertFinds(n, at, r -> r.rewrite("\"i\":" + sequence, "\"i\":-1", true), Defect.unknown_key, sequence);
        // Bytes that claim another sequence than the row's.
        assertFinds(n, at, r -> r.rewrite("\"sequence\":" + sequence + ",", "\"sequence\":" + (sequence + 1) + ",",
                false), Defect.sequence_mismatch, sequence);
    }

    @Test
    void aChangedRecordBreaksTheNextLinkEvenWhenItsOwnChecksAreSkipped() {
        var rows = new ArrayList<>(chain(10, KEY));
        rows.set(4, with(rows.get(4), r -> r.rewrite("\"i\":5", "\"i\":-5", false)));
        var links = VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.LINKS);
        assertThat(links.finding()).extracting(Finding::sequence, Finding::defect)
                .containsExactly(6L, Defect.wrong_previous_hash);
        assertThat(links.verified()).isEqualTo(5);
    }

    @Test
    void aSignatureVouchedForIsNotCheckedAgain() {
        var rows = new ArrayList<>(chain(3, KEY));
        rows.set(1, with(rows.get(1), r -> r.signature(Base64.getEncoder().encodeToString(new byte[64]))));
        ChainVerifier.KnownSignatures secondRecord = (sequence, keyId, hash, signature) -> sequence == 2;
        assertThat(VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL, secondRecord)
                .intact()).isTrue();
        assertThat(VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL).finding())
                .extracting(Finding::sequence, Finding::defect).containsExactly(2L, Defect.bad_signature);
    }

    @Test
    void recordsSignedByARetiredKeyStillVerify() {
        var old = PlatformKey.generate();
        var rows = chain(3, old);
        var both = new ChainVerifier(List.of(VerificationKey.of(old.publicKey()), VerificationKey.of(KEY.publicKey())));
        assertThat(both.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL).intact()).isTrue();
        assertThat(VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL).finding()
                .defect()).isEqualTo(Defect.unknown_key);
    }

    private static void assertFinds(int n, int at, UnaryOperator<Builder> damage, Defect defect, long sequence) {
        var rows = new ArrayList<>(chain(n, KEY));
        rows.set(at, with(rows.get(at), damage));
        var segment = VERIFIER.verify(1, TruthRecord.GENESIS_PREVIOUS_HASH, rows, ChainVerifier.Mode.FULL);
        assertThat(segment.finding()).as(defect.name()).isNotNull();
        assertThat(segment.finding().defect()).as(segment.finding().reason()).isEqualTo(defect);
        assertThat(segment.finding().sequence()).isEqualTo(sequence);
        assertThat(segment.verified()).isEqualTo(at);
    }

    static final class Builder {
        long sequence;
        String previousHash;
        String hash;
        String recordType;
        byte[] canonical;
        String signature;
        String keyId;
        String payload;
        final StoredRecord r;

        Builder(StoredRecord r) {
            this.r = r;
            sequence = r.sequence();
            previousHash = r.previousHash();
            hash = r.hash();
            recordType = r.recordType();
            canonical = r.canonical();
            signature = r.signature();
            keyId = r.keyId();
            payload = r.payload();
        }

        Builder sequence(long v) { sequence = v; return this; }
        Builder previousHash(String v) { previousHash = v; return this; }
        Builder hash(String v) { hash = v; return this; }
        Builder recordType(String v) { recordType = v; return this; }
        Builder canonical(int length) { canonical = java.util.Arrays.copyOf(canonical, length); return this; }
        Builder signature(String v) { signature = v; return this; }
        Builder keyId(String v) { keyId = v; return this; }
        Builder payload(String v) { payload = v; return this; }

        /** Replaces text in the signed bytes, fixes the hash column, and optionally re-signs with another key. */
        Builder rewrite(String from, String to, boolean resign) {
            String text = new String(canonical, StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            canonical = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
            byte[] digest = Sha256.hash(canonical);
            hash = HexFormat.of().formatHex(digest);
            if (resign) {
                var forger = PlatformKey.generate();
                signature = Base64.getEncoder().encodeToString(forger.signHash(digest));
                keyId = forger.keyId();
            }
            if (payload != null) {
                payload = payload.replace(from.replace(":", ": "), to.replace(":", ": "));
            }
            return this;
        }

        StoredRecord build() {
            return new StoredRecord(sequence, previousHash, hash, recordType, r.subjectType(), r.subjectId(),
                    r.actorType(), r.actorId(), r.createdAt(), canonical, signature, keyId, payload);
        }
    }
}
