--liquibase formatted sql

--changeset agentanchor:council-suspension-requests splitStatements:false rollbackSplitStatements:false
--comment: Anyone signed in who can see an active agent may ask the council to suspend it (a consumer who watches it
-- misbehave, not only its owner). Such a request is pending, like every suspension; everything else is still asked
-- by the agent's owner only.
SET LOCAL ROLE agentanchor_owner;
DROP POLICY council_decisions_insert ON public.council_decisions;
CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (coalesce(trust_impact, 0) = 0 AND votes IS NULL
                AND ((agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                      AND (status = 'pending'
                           OR (status = 'approved' AND risk_level <= 1
                               AND decision_type NOT IN ('suspension', 'reinstatement'))))
                     OR ((SELECT public.current_profile_id()) IS NOT NULL
                         AND decision_type = 'suspension' AND status = 'pending'
                         AND EXISTS (SELECT 1 FROM public.agents a
                                      WHERE a.id = agent_id AND a.status = 'active'))));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY council_decisions_insert ON public.council_decisions;
--rollback CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]) AND coalesce(trust_impact, 0) = 0 AND votes IS NULL AND (status = 'pending' OR (status = 'approved' AND risk_level <= 1 AND decision_type NOT IN ('suspension', 'reinstatement'))));
--rollback RESET ROLE;
