--liquibase formatted sql

--changeset agentanchor:truthchain-function-truth-chain-lock runOnChange:true splitStatements:false
--comment: The current text of truth_chain_lock(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-truth-chain-appends.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- Runs as the caller (it reads only what the app may read). Under READ COMMITTED each statement of a VOLATILE
-- function takes a new snapshot, so the head read after the lock sees every append committed before it.
-- Also returns the records already appended for any of the given source events, so the caller skips them.
-- Planned afresh on every call: a generic plan cached while the table was small would scan it (measured: the
-- call grew from 0.8 to 2.3 ms over the first 11k appends).
CREATE OR REPLACE FUNCTION public.truth_chain_lock(p_source_event_ids uuid[] DEFAULT '{}')
    RETURNS TABLE (head_sequence bigint, head_hash text, known_source_event_ids uuid[], known_sequences bigint[],
                   known_hashes text[])
    LANGUAGE plpgsql VOLATILE
    SET search_path = ''
    SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'truth chain appends run in READ COMMITTED, not %',
            pg_catalog.current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('agentanchor.truth_chain'));
    RETURN QUERY
    SELECT h.sequence_number, h.hash, k.ids, k.sequences, k.hashes
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT t.sequence_number, t.hash FROM public.truth_chain t
                          ORDER BY t.sequence_number DESC LIMIT 1) AS h ON true
     CROSS JOIN LATERAL (SELECT coalesce(pg_catalog.array_agg(t.source_event_id), '{}') AS ids,
                                coalesce(pg_catalog.array_agg(t.sequence_number), '{}') AS sequences,
                                coalesce(pg_catalog.array_agg(t.hash), '{}') AS hashes
                           FROM public.truth_chain t
                          WHERE t.source_event_id = ANY (p_source_event_ids)) AS k;
END $$;
RESET ROLE;
--rollback empty
