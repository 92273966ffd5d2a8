--liquibase formatted sql

--changeset agentanchor:agents-function-record-agent-outcomes runOnChange:true splitStatements:false
--comment: The current text of record_agent_outcomes(): change it here, and Liquibase applies it again on the next start.
-- The acting agent's reported outcomes, as a tally to be settled (settle_outcomes_of.sql holds the rule). Only the
-- agent itself may call it: the agent is current_agent_id(), not a parameter. Its result changed (it settled in
-- place before tallies existed), which CREATE OR REPLACE cannot do: it is dropped and created again.
SET LOCAL ROLE agentanchor_definer;
DROP FUNCTION IF EXISTS public.record_agent_outcomes(integer, integer);
CREATE FUNCTION public.record_agent_outcomes(p_successes integer, p_failures integer)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_agent uuid := public.current_agent_id();
BEGIN
    IF v_agent IS NULL THEN
        RAISE EXCEPTION 'only an agent records its own outcomes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_successes < 0 OR p_failures < 0 THEN
        RAISE EXCEPTION 'outcome counts are not negative' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_successes + p_failures > 0 THEN
        INSERT INTO public.agent_outcome_tallies (agent_id, successes, failures)
        VALUES (v_agent, p_successes, p_failures);
    END IF;
END $$;
REVOKE ALL ON FUNCTION public.record_agent_outcomes(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.record_agent_outcomes(integer, integer) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.record_agent_outcomes(integer, integer);
--rollback RESET ROLE;
