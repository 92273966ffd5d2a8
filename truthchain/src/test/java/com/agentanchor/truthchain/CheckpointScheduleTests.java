package com.agentanchor.truthchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.ChainApp;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

/**
 * Appended records are covered by a signed checkpoint without anyone reading {@code /head}, so cutting them from
 * the end of the chain is found: before, the tail after the last {@code /head} could vanish without a trace.
 */
@IntegrationTest
class CheckpointScheduleTests {

    @Autowired
    Environment env;

    @Test
    void aCheckpointCoversNewRecordsByItselfAndCuttingThemIsFound() throws Exception {
        try (var db = FreshDatabase.create(env, "schedule");
                var app = ChainApp.start(env, db, "agentanchor.truthchain.checkpoint-interval=200ms");
                var owner = db.owner()) {
            var truth = app.bean(TruthRecording.class);
            for (int i = 0; i < 3; i++) {
                truth.record(new NewTruth(UUID.randomUUID(), RecordType.system_event,
                        new Subject("system", UUID.randomUUID()), null, Map.of("i", i)));
            }

            Eventually.await(() -> latestCheckpoint(owner) == 3);

            try (var off = owner.createStatement()) {
                owner.setAutoCommit(false);
                off.execute("ALTER TABLE truth_chain DISABLE TRIGGER ALL");
                off.execute("DELETE FROM truth_chain WHERE sequence_number = 3");
                off.execute("ALTER TABLE truth_chain ENABLE TRIGGER ALL");
                owner.commit();
            }
            var verify = app.api().get("/api/truth-chain/verify", null).body();
            assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isFalse();
            assertThat(verify.get("firstBroken").get("defect").asString()).isEqualTo("truncated");
        }
    }

    private static long latestCheckpoint(Connection owner) throws SQLException {
        try (var st = owner.createStatement();
                var rs = st.executeQuery("SELECT coalesce(max(tree_size), 0) FROM truth_chain_checkpoints")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
