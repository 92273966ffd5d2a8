--liquibase formatted sql

--changeset agentanchor:agents-function-settle-agent-outcomes runOnChange:true splitStatements:false
--comment: The current text of settle_agent_outcomes(): change it here, and Liquibase applies it again on the next start.
-- The acting agent settles its own waiting tallies (settle_outcomes_of()).
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.settle_agent_outcomes()
    RETURNS TABLE (agent_id uuid, owner_id uuid, name text, status public.agent_status, previous_score integer,
                   new_score integer, successes integer, failures integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    IF public.current_agent_id() IS NULL THEN
        RAISE EXCEPTION 'only an agent settles its own outcomes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT * FROM public.settle_outcomes_of(public.current_agent_id());
END $$;
REVOKE ALL ON FUNCTION public.settle_agent_outcomes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.settle_agent_outcomes() TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.settle_agent_outcomes();
--rollback RESET ROLE;
