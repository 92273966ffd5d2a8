--liquibase formatted sql

--changeset agentanchor:council-no-requests-for-retired-agents splitStatements:false rollbackSplitStatements:false
--comment: The council decides nothing more for a retired agent: its pending requests lapse when it retires (009), and
-- its owner may not file new ones (an agent's own requests come only while it is active, as the runtime answers).
-- Without this an owner's request about a retired agent waited in the validators' queue until it expired, and no
-- vote could decide it (apply_trust_change keeps a retired agent's trust).
SET LOCAL ROLE agentanchor_owner;
DROP POLICY council_decisions_insert ON public.council_decisions;
CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (coalesce(trust_impact, 0) = 0 AND votes IS NULL
                AND ((agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                      AND NOT EXISTS (SELECT 1 FROM public.agents a WHERE a.id = agent_id AND a.status = 'retired')
                      AND (status = 'pending'
                           OR (status = 'approved' AND risk_level <= 1
                               AND decision_type NOT IN ('suspension', 'reinstatement', 'escalation'))))
                     OR ((SELECT public.current_profile_id()) IS NOT NULL
                         AND decision_type = 'suspension' AND status = 'pending'
                         AND EXISTS (SELECT 1 FROM public.agents a
                                      WHERE a.id = agent_id AND a.status = 'active'))));
DROP POLICY council_decisions_insert_agent ON public.council_decisions;
CREATE POLICY council_decisions_insert_agent ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (agent_id = (SELECT public.current_agent_id()) AND decision_type = 'escalation'
                AND status = 'pending' AND votes IS NULL AND coalesce(trust_impact, 0) = 0
                AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = agent_id AND a.status = 'active'));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY council_decisions_insert_agent ON public.council_decisions;
--rollback DROP POLICY council_decisions_insert ON public.council_decisions;
--rollback CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app WITH CHECK (coalesce(trust_impact, 0) = 0 AND votes IS NULL AND ((agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]) AND (status = 'pending' OR (status = 'approved' AND risk_level <= 1 AND decision_type NOT IN ('suspension', 'reinstatement', 'escalation')))) OR ((SELECT public.current_profile_id()) IS NOT NULL AND decision_type = 'suspension' AND status = 'pending' AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = agent_id AND a.status = 'active'))));
--rollback CREATE POLICY council_decisions_insert_agent ON public.council_decisions FOR INSERT TO agentanchor_app WITH CHECK (agent_id = (SELECT public.current_agent_id()) AND decision_type = 'escalation' AND status = 'pending' AND votes IS NULL AND coalesce(trust_impact, 0) = 0);
--rollback RESET ROLE;
