--liquibase formatted sql

--changeset agentanchor:agents-function-agent-under-review runOnChange:true splitStatements:false
--comment: The current text of agent_under_review(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 006-agent-governance.sql held its last version; applied changesets keep theirs as history.
-- Its result type changed (graduated_at for a graduated flag), which CREATE OR REPLACE cannot do: it is dropped
-- and created again, with its grants.
SET LOCAL ROLE agentanchor_definer;
DROP FUNCTION IF EXISTS public.agent_under_review(uuid);
-- What a validator needs to judge an agent that may be a draft (which agents' policies hide from them): no
-- prompt, no configuration. No row when the acting user may not govern it.
CREATE FUNCTION public.agent_under_review(p_agent_id uuid)
    RETURNS TABLE (owner_id uuid, name text, status public.agent_status, trust_score integer,
                   graduated_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ''
AS $$
    SELECT a.owner_id, a.name, a.status, a.trust_score, a.graduated_at
      FROM public.agents a
     WHERE a.id = p_agent_id AND public.may_govern_agent(p_agent_id)
$$;
REVOKE ALL ON FUNCTION public.agent_under_review(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.agent_under_review(uuid) TO agentanchor_app;
RESET ROLE;
--rollback empty
