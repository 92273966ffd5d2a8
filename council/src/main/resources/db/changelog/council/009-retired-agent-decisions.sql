--liquibase formatted sql

--changeset agentanchor:council-retired-agent-decisions splitStatements:false rollbackSplitStatements:false
--comment: A retired agent's pending requests lapse: lapse_retired_agent_decisions() (functions/) rejects them, with no
-- verdict and no trust moved, as an expiry does. Whoever calls it, it touches only a retired agent's requests.
-- An empty shell with its grants; its text lives in functions/ (applied after this changeset).
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.lapse_retired_agent_decisions(p_agent_id uuid)
    RETURNS TABLE (id uuid, agent_id uuid, decision_type public.decision_type, risk_level integer,
                   subject_action text, reasoning text, votes jsonb, agent_name text, owner_id uuid,
                   agent_active boolean)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT NULL::uuid, NULL::uuid, NULL::public.decision_type, NULL::integer, NULL::text, NULL::text,
                 NULL::jsonb, NULL::text, NULL::uuid, NULL::boolean WHERE false $$;
REVOKE ALL ON FUNCTION public.lapse_retired_agent_decisions(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.lapse_retired_agent_decisions(uuid) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.lapse_retired_agent_decisions(uuid);
--rollback RESET ROLE;
