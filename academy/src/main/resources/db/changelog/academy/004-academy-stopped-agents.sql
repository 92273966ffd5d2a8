--liquibase formatted sql

--changeset agentanchor:academy-stopped-agents splitStatements:false rollbackSplitStatements:false
--comment: A stopped agent's open enrollment ends, whatever its stage: academy_end_for_stopped_agent, as the owner.
-- An empty shell with its grants; its text lives in functions/ (applied after this changeset).
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.academy_end_for_stopped_agent(p_enrollment_id uuid) RETURNS public.academy_progress
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT NULL::public.academy_progress $$;
REVOKE ALL ON FUNCTION public.academy_end_for_stopped_agent(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.academy_end_for_stopped_agent(uuid) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.academy_end_for_stopped_agent(uuid);
--rollback RESET ROLE;
