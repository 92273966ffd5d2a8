--liquibase formatted sql

--changeset agentanchor:platform-function-current-agent-id runOnChange:true splitStatements:false
--comment: The current text of current_agent_id(): change it here, and Liquibase applies it again on the next start.
-- The agent acting as itself with one of its keys, as the transaction manager set it: NULL for users and for
-- nobody, so every policy that names it fails closed for them, as current_profile_id() does for agents.
SET LOCAL ROLE agentanchor_owner;
-- No SET clause, so that PostgreSQL inlines it (why: platform/functions/current_profile_id.sql).
CREATE OR REPLACE FUNCTION public.current_agent_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(pg_catalog.current_setting('app.current_agent_id', true), '')::pg_catalog.uuid $$;
GRANT EXECUTE ON FUNCTION public.current_agent_id() TO agentanchor_app, agentanchor_definer;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP FUNCTION IF EXISTS public.current_agent_id();
--rollback RESET ROLE;
