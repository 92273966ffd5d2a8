package com.agentanchor.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The origin's truth chain verification, reproduced as {@code ../shared/reference/agentanchor-origin.md} §4 describes
 * it, in a scratch schema of its own, filled with the same rows as the real chain (same payloads, in sequence order),
 * hashed the origin's way: SHA-256 over {@code previous_hash || payload::text} (just the payload for the first
 * record), as hex; the {@code text::bytea} cast included (the benchmark's payloads have no backslash, which that
 * cast would choke on).
 */
final class OriginSchema {

    private OriginSchema() {
    }

    static void create(Connection owner) throws SQLException {
        try (var s = owner.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS origin_bench CASCADE");
            s.execute("""
                    CREATE SCHEMA origin_bench;
                    CREATE TABLE origin_bench.truth_chain (
                        id              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
                        sequence_number bigint      NOT NULL,
                        previous_hash   text,
                        hash            text        NOT NULL,
                        record_type     text        NOT NULL,
                        subject_type    text        NOT NULL,
                        subject_id      uuid        NOT NULL,
                        payload         jsonb       NOT NULL,
                        actor_id        uuid,
                        actor_type      text,
                        signature       text,
                        anchored_at     timestamptz,
                        anchor_tx_hash  text,
                        created_at      timestamptz NOT NULL DEFAULT now()
                    );
                    CREATE UNIQUE INDEX truth_chain_sequence_idx ON origin_bench.truth_chain (sequence_number);
                    CREATE INDEX truth_chain_hash_idx ON origin_bench.truth_chain (hash);
                    CREATE INDEX truth_chain_subject_idx ON origin_bench.truth_chain (subject_type, subject_id);
                    CREATE INDEX truth_chain_record_type_idx ON origin_bench.truth_chain (record_type);
                    CREATE INDEX truth_chain_created_at_idx ON origin_bench.truth_chain (created_at);
                    CREATE INDEX truth_chain_actor_idx ON origin_bench.truth_chain (actor_id);

                    CREATE FUNCTION origin_bench.calculate_truth_chain_hash(payload jsonb, previous_hash text DEFAULT NULL)
                        RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
                    DECLARE
                        input text;
                    BEGIN
                        IF previous_hash IS NULL THEN
                            input := payload::text;
                        ELSE
                            input := previous_hash || payload::text;
                        END IF;
                        RETURN encode(sha256(input::bytea), 'hex');
                    END $$;

                    CREATE FUNCTION origin_bench.verify_truth_chain_integrity(up_to_sequence bigint DEFAULT NULL)
                        RETURNS TABLE (sequence_number bigint, is_valid boolean, expected_hash text, actual_hash text)
                        LANGUAGE plpgsql AS $$
                    DECLARE
                        max_seq   bigint;
                        prev_hash text := NULL;
                        rec       record;
                        expected  text;
                    BEGIN
                        max_seq := coalesce(up_to_sequence, (SELECT max(t.sequence_number) FROM origin_bench.truth_chain t));
                        FOR rec IN SELECT t.sequence_number, t.hash, t.previous_hash, t.payload
                                     FROM origin_bench.truth_chain t
                                    WHERE t.sequence_number <= max_seq
                                    ORDER BY t.sequence_number LOOP
                            expected := origin_bench.calculate_truth_chain_hash(rec.payload, prev_hash);
                            sequence_number := rec.sequence_number;
                            is_valid := (expected = rec.hash) AND (prev_hash IS NOT DISTINCT FROM rec.previous_hash);
                            expected_hash := expected;
                            actual_hash := rec.hash;
                            RETURN NEXT;
                            prev_hash := rec.hash;
                        END LOOP;
                    END $$;

                    DO $$
                    DECLARE
                        prev text := NULL;
                        r    record;
                        h    text;
                    BEGIN
                        FOR r IN SELECT * FROM public.truth_chain ORDER BY sequence_number LOOP
                            h := origin_bench.calculate_truth_chain_hash(r.payload, prev);
                            INSERT INTO origin_bench.truth_chain (sequence_number, previous_hash, hash, record_type,
                                                                  subject_type, subject_id, payload, actor_id, actor_type,
                                                                  signature, created_at)
                            VALUES (r.sequence_number, prev, h, r.record_type::text, r.subject_type, r.subject_id,
                                    r.payload, r.actor_id, r.actor_type, r.signature, r.created_at);
                            prev := h;
                        END LOOP;
                    END $$;
                    ANALYZE origin_bench.truth_chain;
                    """);
        }
    }

    static void drop(Connection owner) throws SQLException {
        try (var s = owner.createStatement()) {
            s.execute("DROP SCHEMA origin_bench CASCADE");
        }
    }
}
