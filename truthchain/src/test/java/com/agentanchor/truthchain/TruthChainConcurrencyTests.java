package com.agentanchor.truthchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

/** Many writers, one chain: no fork, no gap. */
@IntegrationTest
class TruthChainConcurrencyTests {

    static final int WRITERS = 8;
    static final int EACH = 250;

    @Autowired
    TruthRecording truth;

    @Autowired
    OwnerDatabase owner;

    @LocalServerPort
    int port;

    @Test
    void eightWritersAppendWithoutForkOrGap() throws Exception {
        long before = owner.query("SELECT coalesce(max(sequence_number), 0) FROM truth_chain", Long.class);
        var pool = Executors.newFixedThreadPool(WRITERS);
        var sequences = new ArrayList<Long>();
        try {
            var writers = new ArrayList<Callable<ArrayList<Long>>>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(() -> {
                    var mine = new ArrayList<Long>();
                    for (int i = 0; i < EACH; i++) {
                        mine.add(truth.record(new NewTruth(UUID.randomUUID(), RecordType.trust_change,
                                Subject.agent(UUID.randomUUID()), Actor.system(),
                                Map.of("writer", writer, "i", i, "note", "w" + writer + " \"#" + i + "\""))).sequence());
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
        assertThat(sequences).hasSize(WRITERS * EACH).doesNotHaveDuplicates();
        assertThat(new HashSet<>(sequences)).allMatch(s -> s > before);

        // In the table: every sequence once, every row linking to the row before (no fork), none missing (no gap).
        var shape = owner.rows("""
                SELECT count(*) AS rows, count(DISTINCT sequence_number) AS sequences,
                       count(DISTINCT previous_hash) AS previous_hashes, max(sequence_number) AS last
                  FROM truth_chain""").get(0);
        assertThat(((Number) shape.get("rows")).longValue())
                .isEqualTo(((Number) shape.get("sequences")).longValue())
                .isEqualTo(((Number) shape.get("previous_hashes")).longValue())
                .isEqualTo(((Number) shape.get("last")).longValue());
        assertThat(owner.query("""
                SELECT count(*) FROM (SELECT previous_hash, lag(hash) OVER (ORDER BY sequence_number) AS before,
                                             sequence_number FROM truth_chain) t
                 WHERE sequence_number > 1 AND previous_hash IS DISTINCT FROM before""", Long.class)).isZero();

        // And the public verification agrees, signatures included.
        long last = ((Number) shape.get("last")).longValue();
        var verify = new Api(port).get("/api/truth-chain/verify?from=" + (before + 1) + "&to=" + last, null).body();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("verified").asLong()).isEqualTo(last - before);
    }
}
