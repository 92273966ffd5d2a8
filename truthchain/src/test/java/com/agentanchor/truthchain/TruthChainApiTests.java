package com.agentanchor.truthchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;
import com.agentanchor.truthchain.domain.merkle.MerkleHash;
import com.agentanchor.truthchain.domain.merkle.MerkleProofs;
import com.agentanchor.truthchain.domain.note.Checkpoint;
import com.agentanchor.truthchain.domain.note.NoteVerifier;

import tools.jackson.databind.JsonNode;

/** The truth chain through its public API, as a third party without an account uses it. */
@IntegrationTest
class TruthChainApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    TruthRecording truth;

    @Autowired
    Environment env;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void registeringAnAgentProducesARecordAnyoneCanVerify() throws Exception {
        var token = api.token("chain-" + UUID.randomUUID().toString().substring(0, 8));
        var agent = api.post("/api/agents", token, Map.of("name", "Witness \"W\" \\ é")).body();
        var agentId = agent.get("id").asString();
        long sequence = awaitRecordOf(agentId);

        // No token: the record, verified, as signed.
        var record = api.get("/api/truth-chain/records/" + sequence, null);
        assertThat(record.status()).isEqualTo(200);
        var body = record.body();
        assertThat(body.get("verified").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("reason").isNull()).isTrue();
        assertThat(body.get("recordType").asString()).isEqualTo("agent_creation");
        assertThat(body.get("subject").get("type").asString()).isEqualTo("agent");
        assertThat(body.get("subject").get("id").asString()).isEqualTo(agentId);
        // A draft agent is private: its creation record is sealed, the actor and the payload behind a commitment.
        assertThat(body.get("actor").isNull()).isTrue();
        assertThat(body.get("payload").has("name")).isFalse();
        assertThat(body.get("privateFields").isNull()).isTrue();
        // Its owner's view opens the commitment.
        var owned = api.get("/api/truth-chain/records/" + sequence, token).body();
        assertThat(owned.get("payloadVerified").asBoolean()).as(owned.toString()).isTrue();
        var fields = owned.get("privateFields");
        assertThat(fields.get("actor").get("type").asString()).isEqualTo("user");
        assertThat(fields.get("actor").get("id").asString()).isEqualTo(agent.get("ownerId").asString());
        assertThat(fields.get("payload").get("name").asString()).isEqualTo("Witness \"W\" \\ é");
        assertThat(fields.get("payload").get("trustScore").asInt()).isEqualTo(100);

        // With the JDK alone: the hash of the bytes, the signature with the published key (README's recipe).
        assertThat(JdkAuditor.verify(body, publishedKey(body.get("keyId").asString()))).isTrue();

        // The signed checkpoint covers it: the inclusion proof binds the record's own hash (recomputed from its
        // bytes) to the signed root.
        var head = api.get("/api/truth-chain/head", null).body();
        assertThat(head.get("problem").isNull()).as(head.toString()).isTrue();
        var vkey = publishedKey(body.get("keyId").asString()).get("noteVerifierKey").asString();
        var checkpoint = Checkpoint.open(head.get("checkpoint").asString(), NoteVerifier.parse(vkey)).orElseThrow();
        assertThat(checkpoint.origin()).isEqualTo(head.get("origin").asString());
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(sequence).isEqualTo(head.get("sequence").asLong());
        assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash())).isEqualTo(head.get("rootHash").asString());

        var inclusion = api.get("/api/truth-chain/proofs/inclusion?sequence=" + sequence + "&treeSize="
                + checkpoint.size(), null).body();
        byte[] recordHash = MessageDigest.getInstance("SHA-256")
                .digest(Base64.getDecoder().decode(body.get("canonical").asString()));
        assertThat(MerkleProofs.verifyInclusion(sequence - 1, checkpoint.size(), MerkleHash.leaf(recordHash),
                hashes(inclusion.get("proof")), checkpoint.rootHash())).isTrue();
        // A proof for another record's leaf does not verify: the leaf is bound to this record.
        byte[] other = recordHash.clone();
        other[0] ^= 1;
        assertThat(MerkleProofs.verifyInclusion(sequence - 1, checkpoint.size(), MerkleHash.leaf(other),
                hashes(inclusion.get("proof")), checkpoint.rootHash())).isFalse();

        // The next checkpoint extends this one.
        appendSome(3);
        var later = Checkpoint.open(api.get("/api/truth-chain/head", null).body().get("checkpoint").asString(),
                NoteVerifier.parse(vkey)).orElseThrow();
        assertThat(later.size()).isGreaterThan(checkpoint.size());
        var consistency = api.get("/api/truth-chain/proofs/consistency?from=" + checkpoint.size() + "&to="
                + later.size(), null).body();
        assertThat(MerkleProofs.verifyConsistency(checkpoint.size(), later.size(), hashes(consistency.get("proof")),
                checkpoint.rootHash(), later.rootHash())).isTrue();
    }

    @Test
    void theWholeChainVerifiesAndEveryStoredRecordIsCanonical() {
        appendSome(5);
        var verify = api.get("/api/truth-chain/verify", null).body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("firstBroken").isNull()).isTrue();
        assertThat(verify.get("verified").asLong()).isEqualTo(verify.get("chainLength").asLong())
                .isGreaterThanOrEqualTo(5);
        long length = verify.get("chainLength").asLong();
        var tail = api.get("/api/truth-chain/verify?from=" + Math.max(1, length - 2) + "&to=" + length, null).body();
        assertThat(tail.get("intact").asBoolean()).isTrue();
        assertThat(tail.get("verified").asLong()).isEqualTo(Math.min(3, length));
        // Beyond the end, records are missing, and verification says where.
        var beyond = api.get("/api/truth-chain/verify?from=" + length + "&to=" + (length + 5), null).body();
        assertThat(beyond.get("intact").asBoolean()).isFalse();
        assertThat(beyond.get("firstBroken").get("sequence").asLong()).isEqualTo(length + 1);
        assertThat(beyond.get("firstBroken").get("defect").asString()).isEqualTo("gap");
    }

    @Test
    void aRedeliveredEventIsRecordedOnceEvenConcurrently() throws Exception {
        var event = UUID.randomUUID();
        var subject = UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<Long>>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> truth.record(new NewTruth(event, RecordType.trust_change, Subject.agent(subject),
                        Actor.system(), Map.of("change", 5))).sequence());
            }
            var sequences = new ArrayList<Long>();
            for (var result : pool.invokeAll(calls)) {
                sequences.add(result.get());
            }
            assertThat(sequences).containsOnly(sequences.get(0));
        } finally {
            pool.shutdownNow();
        }
        var again = truth.record(new NewTruth(event, RecordType.trust_change, Subject.agent(subject), Actor.system(),
                Map.of("change", 5)));
        assertThat(again.alreadyRecorded()).isTrue();
        assertThat(owner.query("SELECT count(*) FROM truth_chain WHERE source_event_id = ?", Long.class, event))
                .isEqualTo(1);
    }

    @Test
    void keysArePublishedWithIdsThatAreTheirThumbprints() throws Exception {
        var keys = api.get("/api/truth-chain/keys", null).body();
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        var current = new ArrayList<JsonNode>();
        keys.forEach(k -> {
            if (k.get("current").asBoolean()) {
                current.add(k);
            }
        });
        assertThat(current).hasSize(1);
        var key = current.get(0);
        byte[] raw = Base64.getDecoder().decode(key.get("publicKey").asString());
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}";
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(key.get("keyId").asString());
        assertThat(NoteVerifier.parse(key.get("noteVerifierKey").asString()).publicKey()).isEqualTo(raw);
    }

    @Test
    void badParametersAreProblemsNamingTheParameterAndUnknownRecordsAre404() {
        record Case(String path, int status, String detail) {
        }
        for (var c : List.of(
                new Case("/api/truth-chain/records/abc", 400, "sequence: must be a whole number"),
                new Case("/api/truth-chain/records/0", 400, "sequence: must be at least 1"),
                new Case("/api/truth-chain/records/999999999", 404, "No truth record 999999999"),
                new Case("/api/truth-chain/verify?from=0", 400, "from: must be at least 1"),
                new Case("/api/truth-chain/verify?from=x", 400, "from: must be a whole number"),
                new Case("/api/truth-chain/verify?from=5&to=2", 400, "to: must be at least from"),
                new Case("/api/truth-chain/verify?from=1&to=100000001", 400, "to: a range holds at most"),
                new Case("/api/truth-chain/proofs/inclusion", 400, "sequence"),
                new Case("/api/truth-chain/proofs/inclusion?sequence=1&treeSize=0", 400, "treeSize: must be at least"),
                new Case("/api/truth-chain/proofs/inclusion?sequence=1&treeSize=999999999", 400,
                        "treeSize: must not exceed"),
                new Case("/api/truth-chain/proofs/inclusion?sequence=999999999", 404, "No truth record"),
                new Case("/api/truth-chain/proofs/consistency?from=1", 400, "to"),
                new Case("/api/truth-chain/proofs/consistency?from=0&to=1", 400, "from: must be at least 1"),
                new Case("/api/truth-chain/proofs/consistency?from=2&to=1", 400, "to: must be at least from"))) {
            appendSome(2);
            var response = api.get(c.path(), null);
            assertThat(response.status()).as(c.path()).isEqualTo(c.status());
            assertThat(response.isProblem()).as(c.path()).isTrue();
            assertThat(response.body().get("detail").asString()).as(c.path()).contains(c.detail());
        }
        // Reading is public; nothing else is.
        assertThat(api.post("/api/truth-chain/records", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesWritesOtherThanTheAppendPathAndStaleAppends() throws Exception {
        appendSome(1);
        assertThat(api.get("/api/truth-chain/head", null).status()).isEqualTo(200); // at least one checkpoint
        try (var connection = java.sql.DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getRequiredProperty("spring.datasource.username"),
                env.getRequiredProperty("spring.datasource.password"))) {
            var app = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            for (var sql : List.of("INSERT INTO truth_chain_keys (key_id, algorithm, public_key) VALUES ('k', 'Ed25519', "
                    + "'\\x" + "00".repeat(32) + "')", "UPDATE truth_chain_keys SET retired_at = now()",
                    "DELETE FROM truth_chain_keys", "TRUNCATE truth_chain_keys",
                    "INSERT INTO truth_chain_checkpoints (tree_size, root_hash, key_id, note) VALUES (0, repeat('0', 64), "
                            + "'k', 'n')", "DELETE FROM truth_chain_checkpoints", "UPDATE truth_chain SET payload = '{}'")) {
                assertThatThrownBy(() -> app.execute(sql)).as(sql).rootCause().hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> app.queryForObject("SELECT key_id FROM truth_chain_publish_key('not-its-id', '\\x"
                    + "11".repeat(32) + "')", String.class)).rootCause().hasMessageContaining("not the thumbprint");
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            assertThatThrownBy(() -> app.queryForList("SELECT * FROM truth_chain_lock()")).rootCause()
                    .hasMessageContaining("READ COMMITTED");
            connection.rollback();
        }
        // Even a superuser cannot drop a published key or a signed checkpoint while the triggers stand.
        for (var sql : List.of("DELETE FROM truth_chain_keys", "UPDATE truth_chain_keys SET public_key = '\\x00'",
                "DELETE FROM truth_chain_checkpoints", "TRUNCATE truth_chain_checkpoints")) {
            assertThatThrownBy(() -> owner.update(sql)).as(sql).rootCause().hasMessageContaining("not allowed");
        }
    }

    private void appendSome(int n) {
        for (int i = 0; i < n; i++) {
            truth.record(new NewTruth(UUID.randomUUID(), RecordType.system_event, new Subject("system", UUID.randomUUID()),
                    null, Map.of("i", i)));
        }
    }

    private JsonNode publishedKey(String keyId) {
        for (JsonNode key : api.get("/api/truth-chain/keys", null).body()) {
            if (key.get("keyId").asString().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("key " + keyId + " is not published");
    }

    private long awaitRecordOf(String subjectId) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            var rows = owner.rows("SELECT sequence_number FROM truth_chain WHERE subject_id = ?::uuid", subjectId);
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return ((Number) rows.get(0).get("sequence_number")).longValue();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no truth record of " + subjectId + " within 10 s");
    }

    private static List<byte[]> hashes(JsonNode base64s) {
        var hashes = new ArrayList<byte[]>();
        base64s.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    /** README's recipe: nothing but the JDK. */
    static final class JdkAuditor {

        static boolean verify(JsonNode record, JsonNode key) throws Exception {
            byte[] canonical = Base64.getDecoder().decode(record.get("canonical").asString());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical);
            if (!HexFormat.of().formatHex(hash).equals(record.get("hash").asString())) {
                return false;
            }
            byte[] spki = Base64.getMimeDecoder().decode(
                    key.get("publicKeyPem").asString().replaceAll("-----[A-Z ]+-----", ""));
            var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            var ed25519 = Signature.getInstance("Ed25519");
            assertThat(ed25519.getProvider().getName()).isEqualTo("SunEC");
            ed25519.initVerify(publicKey);
            ed25519.update(hash);
            if (!ed25519.verify(Base64.getDecoder().decode(record.get("signature").asString()))) {
                return false;
            }
            // The key id is the RFC 7638 thumbprint of the key: recompute it rather than trust it.
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}";
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)))
                    .equals(record.get("keyId").asString());
        }
    }
}
