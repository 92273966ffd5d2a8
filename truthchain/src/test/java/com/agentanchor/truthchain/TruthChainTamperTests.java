package com.agentanchor.truthchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.Api;
import com.agentanchor.support.ChainApp;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.PublishedEvents;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.CanonicalJson;
import com.agentanchor.truthchain.domain.PlatformKey;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.Subject;
import com.agentanchor.truthchain.domain.TruthRecord;
import com.agentanchor.truthchain.events.ChainIntegrityViolated;

import tools.jackson.databind.JsonNode;

/**
 * A chain of its own (a second instance of the app on a fresh database): restarted, it still verifies byte for
 * byte; altered or cut by a superuser with the triggers disabled, verification finds and pinpoints the damage.
 */
@IntegrationTest
class TruthChainTamperTests {

    static final int RECORDS = 12;

    @Autowired
    Environment env;

    @Test
    void surviveRestartsByteForByteAndPinpointEveryTampering() throws Exception {
        try (var db = FreshDatabase.create(env, "tamper")) {
            String keyId;
            List<String> hashes = new ArrayList<>();
            try (var app = ChainApp.start(env, db)) {
                var truth = app.bean(TruthRecording.class);
                for (int i = 1; i <= RECORDS; i++) {
                    hashes.add(truth.record(new NewTruth(UUID.randomUUID(), RecordType.values()[i % 7],
                            Subject.agent(UUID.randomUUID()), Actor.user(UUID.randomUUID()), payload(i))).hash());
                }
                var head = app.api().get("/api/truth-chain/head", null).body();
                assertThat(head.get("sequence").asLong()).isEqualTo(RECORDS); // a checkpoint of 12 is now signed
                keyId = app.api().get("/api/truth-chain/records/1", null).body().get("keyId").asString();
            }

            try (var app = ChainApp.start(env, db); var owner = db.owner()) {
                var api = app.api();
                // Restarted: the same key, every record verifies from its stored bytes, and the bytes are exactly
                // what a fresh canonicalization of the record produces.
                var keys = api.get("/api/truth-chain/keys", null).body();
                assertThat(keys.size()).isEqualTo(1);
                assertThat(keys.get(0).get("keyId").asString()).isEqualTo(keyId);
                assertIntact(api);
                for (int i = 1; i <= RECORDS; i++) {
                    var record = api.get("/api/truth-chain/records/" + i, null).body();
                    byte[] stored = Base64.getDecoder().decode(record.get("canonical").asString());
                    assertThat(CanonicalJson.canonicalize(stored)).isEqualTo(stored);
                    assertThat(TruthRecord.parse(stored).canonical()).isEqualTo(stored);
                    assertThat(HexFormat.of().formatHex(Sha256.hash(stored))).isEqualTo(hashes.get(i - 1))
                            .isEqualTo(record.get("hash").asString());
                    assertThat(record.get("payload").get("i").asInt()).isEqualTo(i);
                    assertThat(record.get("payload").get("quote").asString()).isEqualTo("she said \"no\"");
                    assertThat(record.get("payload").get("path").asString()).isEqualTo("C:\\temp\\new");
                    assertThat(record.get("payload").get("unicode").asString()).isEqualTo("é 漢字 😀");
                }

                // 1. A copied column changed: the row no longer matches what was signed.
                tamper(owner, "UPDATE truth_chain SET payload = jsonb_set(payload, '{i}', '99') WHERE sequence_number = 4");
                assertBroken(api, 4, "column_mismatch");
                assertRecord(api, 4, "column_mismatch");
                assertBroken(api, 4, "column_mismatch");
                assertThat(alarms(app)).as("one system alert per broken link, however often it is verified")
                        .containsExactly("4 column_mismatch");
                restore(owner, "UPDATE truth_chain SET payload = convert_from(canonical, 'UTF8')::jsonb -> 'payload' "
                        + "WHERE sequence_number = 4");

                // 2. The signed bytes rewritten, hash column recomputed to match: the signature fails, and the next
                // record no longer links to it.
                var original = bytesOf(owner, 6);
                var forged = new String(original, StandardCharsets.UTF_8).replace("\"i\":6", "\"i\":66")
                        .getBytes(StandardCharsets.UTF_8);
                tamper(owner, "UPDATE truth_chain SET canonical = ?, hash = encode(sha256(?), 'hex') "
                        + "WHERE sequence_number = 6", forged, forged);
                assertBroken(api, 6, "bad_signature");
                assertRecord(api, 6, "bad_signature");
                assertRecord(api, 7, "wrong_previous_hash");
                assertThat(api.get("/api/truth-chain/verify?from=7&to=" + RECORDS, null).body().get("firstBroken")
                        .get("defect").asString()).isEqualTo("wrong_previous_hash");

                // 3. The bytes changed without touching the hash column.
                restore(owner, "UPDATE truth_chain SET canonical = ?, hash = encode(sha256(?), 'hex') "
                        + "WHERE sequence_number = 6", original, original);
                tamper(owner, "UPDATE truth_chain SET canonical = ? WHERE sequence_number = 6", forged);
                assertBroken(api, 6, "hash_mismatch");
                restore(owner, "UPDATE truth_chain SET canonical = ? WHERE sequence_number = 6", original);

                // 4. A record deleted from the middle: a gap.
                var row = rowOf(owner, 8);
                tamper(owner, "DELETE FROM truth_chain WHERE sequence_number = 8");
                assertBroken(api, 8, "gap");
                assertThat(api.get("/api/truth-chain/records/9", null).body().get("defect").asString()).isEqualTo("gap");
                reinsert(owner, row);

                // 5. The last records deleted: nothing links past them, but a checkpoint of 12 was signed.
                var last = List.of(rowOf(owner, 11), rowOf(owner, 12));
                tamper(owner, "DELETE FROM truth_chain WHERE sequence_number > 10");
                assertBroken(api, 11, "truncated");
                var head = api.get("/api/truth-chain/head", null).body();
                assertThat(head.get("problem").get("defect").asString()).isEqualTo("truncated");
                for (var r : last) {
                    reinsert(owner, r);
                }
                assertIntact(api);
            }
        }
    }

    /**
     * The instance that signed a record does not check that signature again when its verified log takes the record
     * in ({@code OwnSignatures}), but only for the signature as it made it: here record 2 carries record 1's, a
     * genuine signature of the same key over other bytes, and the log stops there, signing no checkpoint over it.
     */
    @Test
    void aSignatureChangedAfterThisInstanceMadeItIsCheckedAgainAndFails() throws Exception {
        try (var db = FreshDatabase.create(env, "own_signatures"); var app = ChainApp.start(env, db);
                var owner = db.owner()) {
            var truth = app.bean(TruthRecording.class);
            for (int i = 1; i <= 3; i++) {
                truth.record(new NewTruth(UUID.randomUUID(), RecordType.system_event, Subject.agent(UUID.randomUUID()),
                        Actor.user(UUID.randomUUID()), payload(i)));
            }
            tamper(owner, "UPDATE truth_chain SET signature = (SELECT signature FROM truth_chain WHERE sequence_number"
                    + " = 1) WHERE sequence_number = 2");

            var head = app.api().get("/api/truth-chain/head", null).body();
            assertThat(head.path("problem").path("defect").asString()).as(head.toString()).isEqualTo("bad_signature");
            assertThat(head.path("problem").path("sequence").asLong()).isEqualTo(2);
            assertThat(head.get("sequence").asLong()).as("the checkpoint covers record 1 only").isEqualTo(1);
        }
    }

    @Test
    void twoInstancesAppendingToOneChainNeitherForkNorLeaveGaps() throws Exception {
        try (var db = FreshDatabase.create(env, "twins"); var a = ChainApp.start(env, db);
                var b = ChainApp.start(env, db)) {
            var pool = Executors.newFixedThreadPool(8);
            var sequences = new ArrayList<Long>();
            try {
                var writers = new ArrayList<Callable<List<Long>>>();
                for (int w = 0; w < 8; w++) {
                    var truth = (w % 2 == 0 ? a : b).bean(TruthRecording.class);
                    writers.add(() -> {
                        var mine = new ArrayList<Long>();
                        for (int i = 0; i < 100; i++) {
                            mine.add(truth.record(new NewTruth(UUID.randomUUID(), RecordType.system_event,
                                    new Subject("system", UUID.randomUUID()), null, Map.of("i", i))).sequence());
                        }
                        return mine;
                    });
                }
                for (var done : pool.invokeAll(writers)) {
                    sequences.addAll(done.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sequences).hasSize(800).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= 800);
            for (var app : List.of(a, b)) {
                var verify = app.api().get("/api/truth-chain/verify", null).body();
                assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.get("verified").asLong()).isEqualTo(800);
                assertThat(app.api().get("/api/truth-chain/head", null).body().get("sequence").asLong()).isEqualTo(800);
            }
        }
    }

    @Test
    void aRotatedKeyKeepsOldRecordsVerifiable() throws Exception {
        var first = PlatformKey.generate();
        var second = PlatformKey.generate();
        try (var db = FreshDatabase.create(env, "rotate")) {
            try (var app = ChainApp.start(env, db, "agentanchor.truthchain.signing-key=" + first.seedBase64())) {
                appendSome(app, 3);
            }
            try (var app = ChainApp.start(env, db, "agentanchor.truthchain.signing-key=" + second.seedBase64())) {
                appendSome(app, 3);
                var api = app.api();
                var keys = api.get("/api/truth-chain/keys", null).body();
                assertThat(keys.size()).isEqualTo(2);
                assertThat(keys.get(0).get("keyId").asString()).isEqualTo(first.keyId());
                assertThat(keys.get(0).get("current").asBoolean()).isFalse();
                assertThat(keys.get(0).get("retiredAt").isNull()).isFalse();
                assertThat(keys.get(1).get("keyId").asString()).isEqualTo(second.keyId());
                assertThat(keys.get(1).get("current").asBoolean()).isTrue();
                assertThat(api.get("/api/truth-chain/records/1", null).body().get("keyId").asString())
                        .isEqualTo(first.keyId());
                assertThat(api.get("/api/truth-chain/records/6", null).body().get("keyId").asString())
                        .isEqualTo(second.keyId());
                var verify = api.get("/api/truth-chain/verify", null).body();
                assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.get("verified").asLong()).isEqualTo(6);
                assertThat(api.get("/api/truth-chain/head", null).body().get("problem").isNull()).isTrue();
            }
        }
    }

    private static void appendSome(ChainApp app, int n) {
        var truth = app.bean(TruthRecording.class);
        for (int i = 0; i < n; i++) {
            truth.record(new NewTruth(UUID.randomUUID(), RecordType.system_event, new Subject("system", UUID.randomUUID()),
                    null, Map.of("i", i)));
        }
    }

    static Map<String, Object> payload(int i) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("i", i);
        payload.put("quote", "she said \"no\"");
        payload.put("path", "C:\\temp\\new");
        payload.put("unicode", "é 漢字 😀");
        payload.put("nested", Map.of("list", List.of(1, 2.5, Map.of("deep", true)), "empty", Map.of()));
        return payload;
    }

    private static void assertIntact(Api api) {
        var verify = api.get("/api/truth-chain/verify", null).body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("verified").asLong()).isEqualTo(RECORDS);
    }

    private static void assertBroken(Api api, long sequence, String defect) {
        JsonNode verify = api.get("/api/truth-chain/verify", null).body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isFalse();
        assertThat(verify.get("firstBroken").get("sequence").asLong()).as(verify.toString()).isEqualTo(sequence);
        assertThat(verify.get("firstBroken").get("defect").asString()).as(verify.toString()).isEqualTo(defect);
        assertThat(verify.get("verified").asLong()).isEqualTo(sequence - 1);
    }

    private static void assertRecord(Api api, long sequence, String defect) {
        var record = api.get("/api/truth-chain/records/" + sequence, null).body();
        assertThat(record.get("verified").asBoolean()).as(record.toString()).isFalse();
        assertThat(record.get("defect").asString()).as(record.toString()).isEqualTo(defect);
        assertThat(record.get("reason").asString()).isNotBlank();
    }

    /** As a superuser would: triggers off, change, triggers on, in one transaction. */
    private static void tamper(Connection owner, String sql, Object... args) throws SQLException {
        owner.setAutoCommit(false);
        try (var off = owner.createStatement()) {
            off.execute("ALTER TABLE truth_chain DISABLE TRIGGER ALL");
            try (var change = owner.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    change.setObject(i + 1, args[i]);
                }
                assertThat(change.executeUpdate()).as(sql).isPositive();
            }
            off.execute("ALTER TABLE truth_chain ENABLE TRIGGER ALL");
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
    }

    private static void restore(Connection owner, String sql, Object... args) throws SQLException {
        tamper(owner, sql, args);
    }

    /** The ChainIntegrityViolated events published so far (the registry keeps them for a listener). */
    private static List<String> alarms(ChainApp app) {
        return app.bean(PublishedEvents.class).ofType(ChainIntegrityViolated.class).stream()
                .map(alarm -> alarm.sequence() + " " + alarm.defect()).toList();
    }

    private static byte[] bytesOf(Connection owner, long sequence) throws SQLException {
        try (var s = owner.prepareStatement("SELECT canonical FROM truth_chain WHERE sequence_number = ?")) {
            s.setLong(1, sequence);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static String rowOf(Connection owner, long sequence) throws SQLException {
        try (var s = owner.prepareStatement("SELECT row_to_json(t)::text FROM truth_chain t WHERE sequence_number = ?")) {
            s.setLong(1, sequence);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void reinsert(Connection owner, String rowJson) throws SQLException {
        try (var s = owner.prepareStatement(
                "INSERT INTO truth_chain SELECT * FROM json_populate_record(NULL::truth_chain, ?::json)")) {
            s.setString(1, rowJson);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
