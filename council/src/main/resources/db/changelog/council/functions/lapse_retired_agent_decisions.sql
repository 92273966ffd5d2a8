--liquibase formatted sql

--changeset agentanchor:council-function-lapse-retired-agent-decisions runOnChange:true splitStatements:false
--comment: The current text of lapse_retired_agent_decisions(): change it here, and Liquibase applies it again on the
-- next start. CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Rejects the pending and escalated requests of a retired agent (none if it is not retired) and returns what the news
-- of each needs, as expire_council_decisions() does. It waits for a vote being counted on one of them (FOR UPDATE,
-- not SKIP LOCKED) and then leaves it be if that vote decided it.
CREATE OR REPLACE FUNCTION public.lapse_retired_agent_decisions(p_agent_id uuid)
    RETURNS TABLE (id uuid, agent_id uuid, decision_type public.decision_type, risk_level integer,
                   subject_action text, reasoning text, votes jsonb, agent_name text, owner_id uuid,
                   agent_active boolean)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
    WITH retired AS (
        SELECT a.id, a.name, a.owner_id FROM public.agents a WHERE a.id = p_agent_id AND a.status = 'retired'
    ), open AS (
        SELECT d.id FROM public.council_decisions d
         WHERE d.agent_id IN (SELECT r.id FROM retired r) AND d.status IN ('pending', 'escalated')
           FOR UPDATE
    ), lapsed AS (
        UPDATE public.council_decisions d
           SET status = 'rejected', decided_at = now(),
               reasoning = 'Lapsed: the agent retired before the council decided'
          FROM open
         WHERE d.id = open.id
        RETURNING d.id, d.agent_id, d.decision_type, d.risk_level, d.subject_action, d.reasoning, d.votes
    )
    SELECT l.id, l.agent_id, l.decision_type, l.risk_level, l.subject_action, l.reasoning, l.votes, r.name,
           r.owner_id, false
      FROM lapsed l
      JOIN retired r ON r.id = l.agent_id
$$;
RESET ROLE;
--rollback empty
