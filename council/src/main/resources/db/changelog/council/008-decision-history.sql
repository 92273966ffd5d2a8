--liquibase formatted sql

--changeset agentanchor:council-decision-history splitStatements:false
--comment: The decision history is read per agent, newest first, in keyset pages: (created_at, id) is the order and
-- the cursor. It replaces council_decisions_agent_idx (agent_id), whose every use (the policies' agent_id tests, the
-- foreign key's cascade) this serves as well.
SET LOCAL ROLE agentanchor_owner;
CREATE INDEX council_decisions_agent_created_idx ON public.council_decisions (agent_id, created_at DESC, id DESC);
DROP INDEX public.council_decisions_agent_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX council_decisions_agent_idx ON public.council_decisions (agent_id);
--rollback DROP INDEX public.council_decisions_agent_created_idx;
--rollback RESET ROLE;
