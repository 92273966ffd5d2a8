--liquibase formatted sql

--changeset agentanchor:agents-function-may-govern-agent runOnChange:true splitStatements:false
--comment: The current text of may_govern_agent(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 006-agent-governance.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- May the acting user govern this agent: a validator, or a platform admin signing off a critical request, and not
-- its owner (nobody judges their own agent).
CREATE OR REPLACE FUNCTION public.may_govern_agent(p_agent_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ''
AS $$
    SELECT (public.is_validator() OR public.current_user_is_admin())
       AND EXISTS (SELECT 1 FROM public.agents a
                    WHERE a.id = p_agent_id AND a.owner_id IS DISTINCT FROM public.current_profile_id())
$$;
RESET ROLE;
--rollback empty
