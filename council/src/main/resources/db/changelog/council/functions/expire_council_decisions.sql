--liquibase formatted sql

--changeset agentanchor:council-function-expire-council-decisions runOnChange:true splitStatements:false
--comment: The current text of expire_council_decisions(): change it here, and Liquibase applies it again on the
-- next start. CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Rejects pending and escalated requests whose time ran out (at most 500 a call, oldest first) and returns what the news of each
-- needs. Rows another instance is expiring are skipped, not waited for.
CREATE OR REPLACE FUNCTION public.expire_council_decisions()
    RETURNS TABLE (id uuid, agent_id uuid, decision_type public.decision_type, risk_level integer,
                   subject_action text, reasoning text, votes jsonb, agent_name text, owner_id uuid,
                   agent_active boolean)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
    WITH due AS (
        SELECT d.id FROM public.council_decisions d
         WHERE d.status IN ('pending', 'escalated') AND d.expires_at <= now()
         ORDER BY d.expires_at
         LIMIT 500
           FOR UPDATE SKIP LOCKED
    ), expired AS (
        UPDATE public.council_decisions d
           SET status = 'rejected', decided_at = now(),
               reasoning = 'Expired: no verdict by '
                   || to_char(d.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
          FROM due
         WHERE d.id = due.id
        RETURNING d.id, d.agent_id, d.decision_type, d.risk_level, d.subject_action, d.reasoning, d.votes
    )
    SELECT e.id, e.agent_id, e.decision_type, e.risk_level, e.subject_action, e.reasoning, e.votes, a.name,
           a.owner_id, a.status = 'active'
      FROM expired e
      JOIN public.agents a ON a.id = e.agent_id
$$;
RESET ROLE;
--rollback empty
