--liquibase formatted sql

--changeset agentanchor:agent-retirement splitStatements:false rollbackSplitStatements:false
--comment: An owner retires their agent, for good. The app role has no UPDATE on status or retired_at (006), so the
-- only way is retire_own_agent() (functions/), run as the definer, which may now stamp retired_at. "For good" holds
-- for every writer, the definer and the owner role included: the trigger guard_agent_retirement refuses any change
-- of a retired agent's status (its text is in functions/; here a stub, so that the trigger has a function to name
-- and the function keeps this changeset's owner).
SET LOCAL ROLE agentanchor_owner;
GRANT UPDATE (retired_at) ON public.agents TO agentanchor_definer;
CREATE FUNCTION public.guard_agent_retirement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER agents_retirement_is_final BEFORE UPDATE OF status ON public.agents
    FOR EACH ROW WHEN (OLD.status = 'retired' AND NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION public.guard_agent_retirement();
-- The trust history is read per agent, newest first, in keyset pages: (created_at, id) is the order and the cursor.
-- It replaces (agent_id, created_at DESC), whose every use this serves.
CREATE INDEX trust_history_agent_created_id_idx ON public.trust_history (agent_id, created_at DESC, id DESC);
DROP INDEX public.trust_history_agent_created_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX trust_history_agent_created_idx ON public.trust_history (agent_id, created_at DESC);
--rollback DROP INDEX public.trust_history_agent_created_id_idx;
--rollback DROP TRIGGER agents_retirement_is_final ON public.agents;
--rollback DROP FUNCTION public.guard_agent_retirement();
--rollback REVOKE UPDATE (retired_at) ON public.agents FROM agentanchor_definer;
--rollback RESET ROLE;
