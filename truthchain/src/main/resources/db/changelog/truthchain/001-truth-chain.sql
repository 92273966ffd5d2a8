--liquibase formatted sql

--changeset agentanchor:truth-chain-table splitStatements:false
--comment: truth_chain as the origin built it (truth-chain.ts), made to work: a gap-free sequence assigned under
-- an advisory lock (the origin's FOR UPDATE + MAX() function errors), the exact canonical bytes that were hashed
-- (so verification never depends on re-serializing jsonb), the signing key's id, and append-only enforcement in
-- depth: no UPDATE/DELETE/TRUNCATE grants, and triggers that reject them for every role, the owner included.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.truth_record_type AS ENUM ('agent_creation', 'agent_graduation', 'agent_suspension',
                                              'council_decision', 'trust_change', 'acquisition', 'human_override',
                                              'system_event');

CREATE TABLE public.truth_chain (
    id              uuid                     NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    sequence_number bigint                   NOT NULL CONSTRAINT truth_chain_sequence_positive CHECK (sequence_number > 0),
    previous_hash   text                     NOT NULL,
    hash            text                     NOT NULL CONSTRAINT truth_chain_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$'),
    record_type     public.truth_record_type NOT NULL,
    subject_type    text                     NOT NULL CHECK (subject_type IN ('agent', 'user', 'decision', 'acquisition', 'system')),
    subject_id      uuid                     NOT NULL,
    payload         jsonb                    NOT NULL,
    actor_id        uuid,
    actor_type      text                              CHECK (actor_type IN ('user', 'agent', 'system')),
    canonical       bytea                    NOT NULL,
    signature       text                     NOT NULL,
    key_id          text                     NOT NULL,
    anchored_at     timestamptz,
    anchor_tx_hash  text,
    created_at      timestamptz              NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX truth_chain_sequence_idx ON public.truth_chain (sequence_number);
CREATE INDEX truth_chain_hash_idx ON public.truth_chain (hash);
CREATE INDEX truth_chain_subject_idx ON public.truth_chain (subject_type, subject_id);
CREATE INDEX truth_chain_subject_id_idx ON public.truth_chain (subject_id);
CREATE INDEX truth_chain_record_type_idx ON public.truth_chain (record_type);
CREATE INDEX truth_chain_created_at_idx ON public.truth_chain (created_at);
CREATE INDEX truth_chain_actor_idx ON public.truth_chain (actor_id);

CREATE FUNCTION public.reject_truth_chain_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION 'truth_chain is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER truth_chain_no_update BEFORE UPDATE OR DELETE ON public.truth_chain
    FOR EACH ROW EXECUTE FUNCTION public.reject_truth_chain_change();
CREATE TRIGGER truth_chain_no_truncate BEFORE TRUNCATE ON public.truth_chain
    FOR EACH STATEMENT EXECUTE FUNCTION public.reject_truth_chain_change();

GRANT SELECT ON public.truth_chain TO agentanchor_app;
GRANT SELECT, INSERT ON public.truth_chain TO agentanchor_definer;

ALTER TABLE public.truth_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.truth_chain FORCE ROW LEVEL SECURITY;
-- Public read: a third party must be able to check any record, with or without an account.
CREATE POLICY truth_chain_select ON public.truth_chain FOR SELECT TO agentanchor_app USING (true);
CREATE POLICY truth_chain_definer ON public.truth_chain TO agentanchor_definer USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- The append path, and the only one: the caller computes the canonical bytes, hash and signature in Java; this
-- serializes appends with a transaction-level advisory lock (never by locking the last row: that forked chains)
-- and refuses anything that is not the next link: a gap, a wrong previous hash, or a hash that is not the
-- SHA-256 of the stored bytes. Callers take the same lock first, read the head, then compute.
CREATE FUNCTION public.truth_chain_append(p_sequence bigint, p_previous_hash text,
                                          p_record_type public.truth_record_type, p_subject_type text,
                                          p_subject_id uuid, p_actor_type text, p_actor_id uuid, p_payload jsonb,
                                          p_canonical bytea, p_hash text, p_signature text, p_key_id text,
                                          p_created_at timestamptz)
    RETURNS public.truth_chain
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_head_sequence bigint;
    v_head_hash     text;
    v_row           public.truth_chain;
BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('agentanchor.truth_chain'));
    SELECT t.sequence_number, t.hash INTO v_head_sequence, v_head_hash
      FROM public.truth_chain t ORDER BY t.sequence_number DESC LIMIT 1;
    IF p_sequence IS DISTINCT FROM coalesce(v_head_sequence, 0) + 1 THEN
        RAISE EXCEPTION 'truth chain append out of order: expected sequence %, got %',
            coalesce(v_head_sequence, 0) + 1, p_sequence USING ERRCODE = 'serialization_failure';
    END IF;
    IF v_head_hash IS NOT NULL AND p_previous_hash IS DISTINCT FROM v_head_hash THEN
        RAISE EXCEPTION 'truth chain append does not link to the head' USING ERRCODE = 'serialization_failure';
    END IF;
    IF p_hash IS DISTINCT FROM pg_catalog.encode(pg_catalog.sha256(p_canonical), 'hex') THEN
        RAISE EXCEPTION 'truth chain hash is not the SHA-256 of the canonical bytes' USING ERRCODE = 'data_exception';
    END IF;
    INSERT INTO public.truth_chain (sequence_number, previous_hash, hash, record_type, subject_type, subject_id,
                                    payload, actor_id, actor_type, canonical, signature, key_id, created_at)
    VALUES (p_sequence, p_previous_hash, p_hash, p_record_type, p_subject_type, p_subject_id, p_payload, p_actor_id,
            p_actor_type, p_canonical, p_signature, p_key_id, p_created_at)
    RETURNING * INTO v_row;
    RETURN v_row;
END $$;
REVOKE ALL ON FUNCTION public.truth_chain_append(bigint, text, public.truth_record_type, text, uuid, text, uuid,
    jsonb, bytea, text, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.truth_chain_append(bigint, text, public.truth_record_type, text, uuid, text, uuid,
    jsonb, bytea, text, text, text, timestamptz) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.truth_chain_append(bigint, text, public.truth_record_type, text, uuid, text, uuid, jsonb, bytea, text, text, text, timestamptz);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.truth_chain;
--rollback DROP FUNCTION public.reject_truth_chain_change();
--rollback DROP TYPE public.truth_record_type;
--rollback RESET ROLE;
