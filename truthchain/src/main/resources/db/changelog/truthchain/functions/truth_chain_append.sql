--liquibase formatted sql

--changeset agentanchor:truthchain-function-truth-chain-append runOnChange:true splitStatements:false
--comment: The current text of truth_chain_append(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-truth-chain-appends.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.truth_chain_append(p_sequence bigint, p_previous_hash text,
                                          p_record_type public.truth_record_type, p_subject_type text,
                                          p_subject_id uuid, p_actor_type text, p_actor_id uuid, p_payload jsonb,
                                          p_canonical bytea, p_hash text, p_signature text, p_key_id text,
                                          p_created_at timestamptz, p_source_event_id uuid DEFAULT NULL)
    RETURNS public.truth_chain
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_head_sequence bigint;
    v_head_hash     text;
    v_row           public.truth_chain;
BEGIN
    IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'truth chain appends run in READ COMMITTED, not %',
            pg_catalog.current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
    END IF;
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
                                    payload, actor_id, actor_type, canonical, signature, key_id, created_at,
                                    source_event_id)
    VALUES (p_sequence, p_previous_hash, p_hash, p_record_type, p_subject_type, p_subject_id, p_payload, p_actor_id,
            p_actor_type, p_canonical, p_signature, p_key_id, p_created_at, p_source_event_id)
    RETURNING * INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
