--liquibase formatted sql

--changeset agentanchor:agents-function-record-agent-outcomes runOnChange:true splitStatements:false
--comment: The current text of record_agent_outcomes(): change it here, and Liquibase applies it again on the next start.
-- The acting agent's reported outcomes: its interaction counters move, and its trust by the behaviour rule,
-- atomically. The rule (the README's "Trust from behaviour" names it): +1 for every 100th successful interaction,
-- -1 for every 20th failed one (failed = total - successful); what an agent says of itself never lifts it past 799
-- (Trusted): the tiers above are the council's and the academy's to give. Only the agent itself may call it: the
-- agent is current_agent_id(), not a parameter. No row when nothing counted.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.record_agent_outcomes(p_successes integer, p_failures integer)
    RETURNS TABLE (previous_score integer, new_score integer, total_interactions integer,
                   successful_interactions integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_agent      uuid := public.current_agent_id();
    v_total      integer;
    v_successful integer;
    v_score      integer;
    v_change     integer;
    v_new        integer;
BEGIN
    IF v_agent IS NULL THEN
        RAISE EXCEPTION 'only an agent records its own outcomes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_successes < 0 OR p_failures < 0 THEN
        RAISE EXCEPTION 'outcome counts are not negative' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_successes + p_failures = 0 THEN
        RETURN;
    END IF;
    SELECT a.total_interactions, a.successful_interactions, a.trust_score INTO v_total, v_successful, v_score
      FROM public.agents a WHERE a.id = v_agent FOR UPDATE;
    v_change := (v_successful + p_successes) / 100 - v_successful / 100
              - ((v_total + p_successes + p_failures) - (v_successful + p_successes)) / 20
              + (v_total - v_successful) / 20;
    IF v_change > 0 THEN
        v_change := greatest(0, least(v_change, 799 - v_score));
    END IF;
    UPDATE public.agents
       SET total_interactions = v_total + p_successes + p_failures,
           successful_interactions = v_successful + p_successes,
           trust_score = v_score + v_change
     WHERE id = v_agent
    RETURNING trust_score INTO v_new;
    IF v_new <> v_score THEN
        INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason)
        VALUES (v_agent, v_score, v_new, v_new - v_score, 'behavior_analysis',
                format('%s successful and %s failed interactions reported', p_successes, p_failures));
    END IF;
    RETURN QUERY SELECT v_score, v_new, v_total + p_successes + p_failures, v_successful + p_successes;
END $$;
REVOKE ALL ON FUNCTION public.record_agent_outcomes(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.record_agent_outcomes(integer, integer) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.record_agent_outcomes(integer, integer);
--rollback RESET ROLE;
