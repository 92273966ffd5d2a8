--liquibase formatted sql

--changeset agentanchor:agents-function-settle-unsettled-outcomes runOnChange:true splitStatements:false
--comment: The current text of settle_unsettled_outcomes(): change it here, and Liquibase applies it again on the next start.
-- The sweep's part: tallies that have waited longer than p_waited (their reporter stopped settling after a few
-- rounds under load, or its instance stopped between commit and settling) are settled for every agent whose row
-- is free; the rest are left to the next sweep. Returns one row per agent settled.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.settle_unsettled_outcomes(p_waited interval)
    RETURNS TABLE (agent_id uuid, owner_id uuid, name text, status public.agent_status, previous_score integer,
                   new_score integer, successes integer, failures integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_agent uuid;
BEGIN
    FOR v_agent IN
        SELECT DISTINCT t.agent_id FROM public.agent_outcome_tallies t
         WHERE t.created_at < pg_catalog.now() - p_waited
    LOOP
        RETURN QUERY SELECT * FROM public.settle_outcomes_of(v_agent);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION public.settle_unsettled_outcomes(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.settle_unsettled_outcomes(interval) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.settle_unsettled_outcomes(interval);
--rollback RESET ROLE;
