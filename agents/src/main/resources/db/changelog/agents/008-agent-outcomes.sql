--liquibase formatted sql

--changeset agentanchor:agent-outcomes splitStatements:false
--comment: An agent's reported outcomes count toward its interactions and move its trust, through
-- record_agent_outcomes() only: the definer may move the counters, nobody else.
SET LOCAL ROLE agentanchor_owner;
GRANT UPDATE (total_interactions, successful_interactions) ON public.agents TO agentanchor_definer;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback REVOKE UPDATE (total_interactions, successful_interactions) ON public.agents FROM agentanchor_definer;
--rollback RESET ROLE;
