--liquibase formatted sql

--changeset agentanchor:council-votes splitStatements:false
--comment: The council at work (origin architecture §3.3). Routine and standard requests (risk 0 and 1) are
-- approved as they are made, except suspensions and reinstatements, which always need a validator; everything
-- else waits for validators' votes. Validators (is_validator()) see every request, since reviewing them is their
-- job, and vote on pending ones about agents that are not their own: a vote updates the decision's tally, status,
-- reasoning and decided_at, nothing else. Routine approvals move no trust.
SET LOCAL ROLE agentanchor_owner;
DROP POLICY council_decisions_insert ON public.council_decisions;
CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                AND coalesce(trust_impact, 0) = 0 AND votes IS NULL
                AND (status = 'pending'
                     OR (status = 'approved' AND risk_level <= 1
                         AND decision_type NOT IN ('suspension', 'reinstatement'))));
CREATE POLICY council_decisions_select_validators ON public.council_decisions FOR SELECT TO agentanchor_app
    USING ((SELECT public.is_validator()));
CREATE POLICY council_decisions_vote ON public.council_decisions FOR UPDATE TO agentanchor_app
    USING (status = 'pending' AND (SELECT public.is_validator())
           AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]))
    WITH CHECK ((SELECT public.is_validator()) AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
GRANT UPDATE (status, votes, reasoning, trust_impact, decided_at) ON public.council_decisions TO agentanchor_app;
CREATE INDEX council_decisions_pending_idx ON public.council_decisions (created_at DESC, id DESC)
    WHERE status = 'pending';
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP INDEX public.council_decisions_pending_idx;
--rollback REVOKE UPDATE (status, votes, reasoning, trust_impact, decided_at) ON public.council_decisions FROM agentanchor_app;
--rollback DROP POLICY council_decisions_vote ON public.council_decisions;
--rollback DROP POLICY council_decisions_select_validators ON public.council_decisions;
--rollback DROP POLICY council_decisions_insert ON public.council_decisions;
--rollback CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]) AND status = 'pending');
--rollback RESET ROLE;
