--liquibase formatted sql

--changeset agentanchor:agents-function-authenticate-agent-key runOnChange:true splitStatements:false
--comment: The current text of authenticate_agent_key(): change it here, and Liquibase applies it again on the next start.
-- The agent a live key belongs to (no row for an unknown or revoked key), noting when the key was last used at
-- most once a minute, so a busy agent does not turn every request into a write. Runs before anyone is known to
-- act, hence definer: the app role cannot read key hashes at all.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.authenticate_agent_key(p_key_hash bytea) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_id        uuid;
    v_agent_id  uuid;
    v_last_used timestamptz;
BEGIN
    SELECT k.id, k.agent_id, k.last_used_at INTO v_id, v_agent_id, v_last_used
      FROM public.agent_keys k
     WHERE k.key_hash = p_key_hash AND k.revoked_at IS NULL;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v_last_used IS NULL OR v_last_used < pg_catalog.now() - interval '1 minute' THEN
        UPDATE public.agent_keys SET last_used_at = pg_catalog.now() WHERE id = v_id;
    END IF;
    RETURN v_agent_id;
END $$;
REVOKE ALL ON FUNCTION public.authenticate_agent_key(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.authenticate_agent_key(bytea) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.authenticate_agent_key(bytea);
--rollback RESET ROLE;
