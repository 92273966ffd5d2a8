--liquibase formatted sql

--changeset agentanchor:agents-function-my-agent-ids runOnChange:true splitStatements:false
--comment: The current text of my_agent_ids(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 005-agent-helpers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The acting user's agents, as an array: policies test `agent_id = ANY ((SELECT my_agent_ids())::uuid[])` (the cast makes it the array form, evaluated once).
CREATE OR REPLACE FUNCTION public.my_agent_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT coalesce(array_agg(a.id), '{}')
      FROM public.agents a
     WHERE a.owner_id = public.current_profile_id()
$$;
RESET ROLE;
--rollback empty
