--liquibase formatted sql

--changeset agentanchor:truthchain-function-truth-chain-append-signed runOnChange:true splitStatements:false
--comment: The current text of truth_chain_append_signed(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-truth-chain-appends.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- Appends signed records in order, in one call. The columns are read from the canonical bytes themselves, so
-- they cannot disagree with what was hashed and signed; each record must be signed by a published key (the
-- signature itself is checked by verification: PostgreSQL has no Ed25519). Runs as the caller, through
-- truth_chain_append and its checks.
CREATE OR REPLACE FUNCTION public.truth_chain_append_signed(p_canonical bytea[], p_signature text[], p_key_id text[],
                                                 p_source_event_id uuid[])
    RETURNS integer
    LANGUAGE plpgsql VOLATILE
    SET search_path = ''
AS $$
DECLARE
    v_count integer := coalesce(pg_catalog.array_length(p_canonical, 1), 0);
    v_doc   jsonb;
BEGIN
    IF coalesce(pg_catalog.array_length(p_signature, 1), 0) <> v_count
        OR coalesce(pg_catalog.array_length(p_key_id, 1), 0) <> v_count
        OR coalesce(pg_catalog.array_length(p_source_event_id, 1), 0) <> v_count THEN
        RAISE EXCEPTION 'truth chain batch arrays differ in length' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 1 .. v_count LOOP
        IF NOT EXISTS (SELECT FROM public.truth_chain_keys k WHERE k.key_id = p_key_id[i]) THEN
            RAISE EXCEPTION 'truth chain key % is not published', p_key_id[i] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        v_doc := pg_catalog.convert_from(p_canonical[i], 'UTF8')::jsonb;
        PERFORM public.truth_chain_append((v_doc ->> 'sequence')::bigint, v_doc ->> 'previousHash',
                                          (v_doc ->> 'recordType')::public.truth_record_type,
                                          v_doc -> 'subject' ->> 'type', (v_doc -> 'subject' ->> 'id')::uuid,
                                          v_doc -> 'actor' ->> 'type', (v_doc -> 'actor' ->> 'id')::uuid,
                                          v_doc -> 'payload', p_canonical[i],
                                          pg_catalog.encode(pg_catalog.sha256(p_canonical[i]), 'hex'),
                                          p_signature[i], p_key_id[i], (v_doc ->> 'createdAt')::timestamptz,
                                          p_source_event_id[i]);
    END LOOP;
    RETURN v_count;
END $$;
RESET ROLE;
--rollback empty
