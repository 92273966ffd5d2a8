package com.agentanchor.truthchain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.truthchain.application.port.in.TruthChainAudit;
import com.agentanchor.truthchain.application.port.out.SigningKeySource;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.SignedAppend;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.CanonicalJson;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.Subject;
import com.agentanchor.truthchain.domain.TruthRecord;

import tools.jackson.databind.JsonNode;

/**
 * A public ledger without private data: what row-level security hides (a draft agent's name and owner) is not in
 * a record's signed bytes, only a salted commitment to it; those who may see the subject get the fields, checked
 * against the commitment; erasing them leaves every record and checkpoint verifying.
 */
@IntegrationTest
class PrivateLedgerTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    TruthChainAudit audit;

    Api api;
    String owner;
    String ownerId;
    String name;
    String agent;
    long sequence;

    @BeforeEach
    void aDraftAgent() throws Exception {
        api = new Api(port);
        owner = api.token(unique("private-owner"));
        ownerId = api.profileId(owner);
        name = "Secret draft " + UUID.randomUUID();
        var created = api.post("/api/agents", owner, Map.of("name", name)).body();
        assertThat(created.get("status").asString()).isEqualTo("draft");
        agent = created.get("id").asString();
        var row = database.awaitRow("creation record", """
                SELECT sequence_number FROM truth_chain WHERE subject_id = ?::uuid AND record_type = 'agent_creation'""",
                agent);
        sequence = ((Number) row.get("sequence_number")).longValue();
    }

    @Test
    void anonymousReadersSeeOnlyTheCommitmentAndTheRecordStillVerifies() {
        var record = api.get("/api/truth-chain/records/" + sequence, null);
        assertThat(record.status()).isEqualTo(200);
        var body = record.body();
        String signed = new String(Base64.getDecoder().decode(body.get("canonical").asString()),
                StandardCharsets.UTF_8);
        // Neither the name nor the owner's id, anywhere: not in the response, not in the signed bytes.
        assertThat(body.toString()).doesNotContain(name).doesNotContain(ownerId);
        assertThat(signed).doesNotContain(name).doesNotContain(ownerId);
        assertThat(body.get("verified").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("format").asInt()).isEqualTo(2);
        assertThat(body.get("commitment").asString()).matches("[0-9a-f]{64}");
        assertThat(signed).contains("\"commitment\":\"" + body.get("commitment").asString() + "\"")
                .contains("\"format\":2").contains("\"actor\":null");
        assertThat(body.get("actor").isNull()).isTrue();
        assertThat(body.get("payload").size()).isEqualTo(1);
        assertThat(body.get("payload").has("occurredAt")).isTrue();
        assertThat(body.get("privateFields").isNull()).isTrue();
        assertThat(body.get("payloadVerified").asBoolean()).isFalse();
        assertThat(body.get("disclosure").asString()).isEqualTo("withheld");
        // Anyone checks the hash themselves; the whole chain verifies.
        assertThat(HexFormat.of().formatHex(Sha256.hash(signed.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(body.get("hash").asString());
        assertThat(api.get("/api/truth-chain/verify", null).body().get("intact").asBoolean()).isTrue();
    }

    @Test
    void itsOwnerSeesTheFieldsVerifiedAgainstTheCommitmentAndAnotherUserDoesNot() {
        var body = api.get("/api/truth-chain/records/" + sequence, owner).body();
        assertThat(body.get("verified").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("payloadVerified").asBoolean()).isTrue();
        assertThat(body.get("disclosure").asString()).isEqualTo("disclosed");
        var fields = body.get("privateFields");
        assertThat(fields.get("payload").get("name").asString()).isEqualTo(name);
        assertThat(fields.get("payload").get("ownerId").asString()).isEqualTo(ownerId);
        assertThat(fields.get("actor").get("type").asString()).isEqualTo("user");
        assertThat(fields.get("actor").get("id").asString()).isEqualTo(ownerId);
        assertThat(fields.get("salt").asString()).matches("[0-9a-f]{64}");
        // README's recipe: the commitment is SHA-256 over the canonical JSON of the private fields, salt included.
        assertThat(HexFormat.of().formatHex(Sha256.hash(CanonicalJson.canonicalize(fields.toString()))))
                .isEqualTo(body.get("commitment").asString());

        var stranger = api.get("/api/truth-chain/records/" + sequence, api.token(unique("stranger"))).body();
        assertThat(stranger.toString()).doesNotContain(name).doesNotContain(ownerId);
        assertThat(stranger.get("verified").asBoolean()).isTrue();
        assertThat(stranger.get("payloadVerified").asBoolean()).isFalse();
        assertThat(stranger.get("disclosure").asString()).isEqualTo("withheld");

        // A bearer token on this public path is still verified: a bad one is a 401, not an anonymous read.
        assertThat(api.get("/api/truth-chain/records/" + sequence, owner + "x").status()).isEqualTo(401);

        // Once the agent is public, so are the fields of its records, to everyone.
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var anonymous = api.get("/api/truth-chain/records/" + sequence, null).body();
        assertThat(anonymous.get("privateFields").get("payload").get("name").asString()).isEqualTo(name);
        assertThat(anonymous.get("payloadVerified").asBoolean()).isTrue();
    }

    @Test
    void tamperedPrivateFieldsAreNotVerifiedAndNotAnError() {
        database.update("""
                UPDATE truth_chain_private SET opening = convert_to(replace(convert_from(opening, 'UTF8'), ?, 'Forged'),
                                                                     'UTF8')
                 WHERE sequence_number = ?""", name, sequence);
        var body = api.get("/api/truth-chain/records/" + sequence, owner);
        assertThat(body.status()).isEqualTo(200);
        assertThat(body.body().get("verified").asBoolean()).isTrue(); // the signed record is intact
        assertThat(body.body().get("payloadVerified").asBoolean()).isFalse();
        assertThat(body.body().get("disclosure").asString()).isEqualTo("mismatch");

        // Not even JSON any more: still a 200, the opening withheld from the response.
        database.update("UPDATE truth_chain_private SET opening = '\\xff00' WHERE sequence_number = ?", sequence);
        var garbage = api.get("/api/truth-chain/records/" + sequence, owner);
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(garbage.body().get("payloadVerified").asBoolean()).isFalse();
        assertThat(garbage.body().get("privateFields").isNull()).isTrue();
    }

    @Test
    void erasureLeavesEveryRecordAndCheckpointVerifying() throws Exception {
        assertThat(api.delete("/api/truth-chain/private-fields/mine", null).status()).isEqualTo(401);
        var erased = api.delete("/api/truth-chain/private-fields/mine", owner);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body().get("records").asInt()).isGreaterThanOrEqualTo(1);

        var body = api.get("/api/truth-chain/records/" + sequence, owner).body();
        assertThat(body.toString()).doesNotContain(name);
        assertThat(body.get("verified").asBoolean()).isTrue();
        assertThat(body.get("privateFields").isNull()).isTrue();
        assertThat(body.get("payloadVerified").asBoolean()).isFalse();
        assertThat(body.get("disclosure").asString()).isEqualTo("erased");
        assertThat(database.query("SELECT count(*) FROM truth_chain_private WHERE subject_id = ?::uuid "
                + "AND opening IS NOT NULL", Long.class, UUID.fromString(agent))).isZero();

        assertThat(api.get("/api/truth-chain/verify", null).body().get("intact").asBoolean()).isTrue();
        var head = api.get("/api/truth-chain/head", null).body(); // signs a checkpoint covering the record
        assertThat(head.get("sequence").asLong()).isGreaterThanOrEqualTo(sequence);
        var checkpoint = audit.verifyAgainstLatestCheckpoint();
        assertThat(checkpoint.intact()).as(checkpoint.toString()).isTrue();
        assertThat(api.get("/api/truth-chain/proofs/inclusion?sequence=" + sequence, null).status()).isEqualTo(200);
    }

    @Test
    void deletingAProfileErasesItsAgentsAndPrivateFieldsAndTheChainStillVerifies() throws Exception {
        assertThat(api.delete("/api/profiles/me", null).status()).isEqualTo(401);

        var deleted = api.delete("/api/profiles/me", owner);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(database.query("SELECT count(*) FROM profiles WHERE id = ?::uuid", Long.class,
                UUID.fromString(ownerId))).isZero();
        assertThat(database.query("SELECT count(*) FROM agents WHERE id = ?::uuid", Long.class,
                UUID.fromString(agent))).as("their agents go with them").isZero();
        assertThat(database.query("SELECT count(*) FROM truth_chain_private WHERE subject_id = ?::uuid "
                + "AND opening IS NOT NULL", Long.class, UUID.fromString(agent))).as("erased").isZero();
        assertThat(database.query("SELECT count(*) FROM truth_chain WHERE sequence_number = ?", Long.class, sequence))
                .as("the record itself stays").isOne();
        database.awaitRow("the deletion's own record", """
                SELECT sequence_number FROM truth_chain WHERE subject_id = ?::uuid AND payload->>'event' =                 'profile_deleted'""", ownerId);
        assertThat(api.get("/api/truth-chain/verify", null).body().get("intact").asBoolean()).isTrue();

        // Signing in again starts afresh: a new, empty profile.
        assertThat(api.profileId(owner)).isNotEqualTo(ownerId);
    }

    @Test
    void aFormatOneRecordStillVerifies(@Autowired TruthChainStore store, @Autowired SigningKeySource keys,
            @Autowired PlatformTransactionManager transactions) {
        // Written exactly as before formats were numbered: the payload and the actor in the clear, no "format".
        var key = keys.signingKey();
        long appended = new TransactionTemplate(transactions).execute(status -> {
            var head = store.lock(List.of());
            var record = new TruthRecord(head.headSequence() + 1, RecordType.system_event,
                    new Subject("system", UUID.randomUUID()), Actor.system(), "{\"event\":\"v1\"}",
                    Instant.now().truncatedTo(ChronoUnit.MICROS), head.headHash());
            byte[] canonical = record.canonical();
            store.append(List.of(new SignedAppend(canonical,
                    Base64.getEncoder().encodeToString(key.signHash(Sha256.hash(canonical))), key.keyId(), null)));
            return record.sequence();
        });
        var body = api.get("/api/truth-chain/records/" + appended, null).body();
        String signed = new String(Base64.getDecoder().decode(body.get("canonical").asString()), StandardCharsets.UTF_8);
        assertThat(signed).doesNotContain("format").doesNotContain("commitment");
        assertThat(body.get("verified").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.get("format").asInt()).isEqualTo(1);
        assertThat(body.get("payloadVerified").asBoolean()).isTrue();
        assertThat(body.get("disclosure").asString()).isEqualTo("public");
        assertThat(body.get("payload").get("event").asString()).isEqualTo("v1");
        JsonNode verify = api.get("/api/truth-chain/verify", null).body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    }
}
