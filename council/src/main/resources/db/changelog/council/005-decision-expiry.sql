--liquibase formatted sql

--changeset agentanchor:council-decision-expiry splitStatements:false rollbackSplitStatements:false
--comment: A request the council has not decided by its expires_at is rejected as expired, by a job that any
-- instance may run: expire_council_decisions() (functions/) takes the due rows with SKIP LOCKED, so two instances
-- never expire one decision twice. The definer may read what the news of it needs and write the verdict's columns.
SET LOCAL ROLE agentanchor_owner;
GRANT SELECT (expires_at, risk_level, subject_action, reasoning, votes), UPDATE (reasoning, decided_at)
    ON public.council_decisions TO agentanchor_definer;
CREATE INDEX council_decisions_pending_expiry_idx ON public.council_decisions (expires_at)
    WHERE status IN ('pending', 'escalated');
RESET ROLE;
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.expire_council_decisions()
    RETURNS TABLE (id uuid, agent_id uuid, decision_type public.decision_type, risk_level integer,
                   subject_action text, reasoning text, votes jsonb, agent_name text, owner_id uuid,
                   agent_active boolean)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT NULL::uuid, NULL::uuid, NULL::public.decision_type, NULL::integer, NULL::text, NULL::text,
                 NULL::jsonb, NULL::text, NULL::uuid, NULL::boolean WHERE false $$;
REVOKE ALL ON FUNCTION public.expire_council_decisions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.expire_council_decisions() TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.expire_council_decisions();
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP INDEX public.council_decisions_pending_expiry_idx;
--rollback REVOKE SELECT (expires_at, risk_level, subject_action, reasoning, votes), UPDATE (reasoning, decided_at) ON public.council_decisions FROM agentanchor_definer;
--rollback RESET ROLE;
