--liquibase formatted sql

--changeset agentanchor:council-agent-requests splitStatements:false rollbackSplitStatements:false
--comment: Agents ask the council themselves (app.current_agent_id) when an action is above what their trust lets them
-- do alone: an escalation about themselves, pending, unvoted, with no trust impact yet. An agent sees the decisions
-- about itself, to wait for them. Escalations are never routine, whoever files them (CouncilRule): the owners'
-- policy no longer lets one be stored as approved.
SET LOCAL ROLE agentanchor_owner;
DROP POLICY council_decisions_insert ON public.council_decisions;
CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (coalesce(trust_impact, 0) = 0 AND votes IS NULL
                AND ((agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                      AND (status = 'pending'
                           OR (status = 'approved' AND risk_level <= 1
                               AND decision_type NOT IN ('suspension', 'reinstatement', 'escalation'))))
                     OR ((SELECT public.current_profile_id()) IS NOT NULL
                         AND decision_type = 'suspension' AND status = 'pending'
                         AND EXISTS (SELECT 1 FROM public.agents a
                                      WHERE a.id = agent_id AND a.status = 'active'))));
CREATE POLICY council_decisions_insert_agent ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (agent_id = (SELECT public.current_agent_id()) AND decision_type = 'escalation'
                AND status = 'pending' AND votes IS NULL AND coalesce(trust_impact, 0) = 0);
CREATE POLICY council_decisions_select_agent ON public.council_decisions FOR SELECT TO agentanchor_app
    USING (agent_id = (SELECT public.current_agent_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY council_decisions_select_agent ON public.council_decisions;
--rollback DROP POLICY council_decisions_insert_agent ON public.council_decisions;
--rollback DROP POLICY council_decisions_insert ON public.council_decisions;
--rollback CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app WITH CHECK (coalesce(trust_impact, 0) = 0 AND votes IS NULL AND ((agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]) AND (status = 'pending' OR (status = 'approved' AND risk_level <= 1 AND decision_type NOT IN ('suspension', 'reinstatement')))) OR ((SELECT public.current_profile_id()) IS NOT NULL AND decision_type = 'suspension' AND status = 'pending' AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = agent_id AND a.status = 'active'))));
--rollback RESET ROLE;
