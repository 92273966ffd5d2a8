--liquibase formatted sql

--changeset agentanchor:agents-indexes-in-use splitStatements:false
--comment: Agents are read by id, by owner newest first (agents_owner_created_idx) and newest first, all or active only
-- (agents_created_idx, agents_active_created_idx); the list's name filter is a substring match (ILIKE '%…%'), which a
-- btree cannot serve, and nothing orders or filters by trust score or by status alone. The origin's indexes on those
-- three cost every registration three index entries (issue 13) and served no query.
SET LOCAL ROLE agentanchor_owner;
DROP INDEX public.agents_status_idx;
DROP INDEX public.agents_trust_score_idx;
DROP INDEX public.agents_name_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX agents_status_idx ON public.agents (status);
--rollback CREATE INDEX agents_trust_score_idx ON public.agents (trust_score);
--rollback CREATE INDEX agents_name_idx ON public.agents (name);
--rollback RESET ROLE;
