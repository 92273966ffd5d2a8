--liquibase formatted sql

--changeset agentanchor:agents-function-settle-outcomes-of runOnChange:true splitStatements:false
--comment: The current text of settle_outcomes_of(): change it here, and Liquibase applies it again on the next start.
-- Settles an agent's waiting tallies onto its row: its interaction counters move, and its trust by the behaviour
-- rule (the README's "Trust from behaviour"): +1 for every 100th successful interaction, -1 for every 20th failed
-- one (failed = total - successful), applied to the sums settled at once; what an agent says of itself never lifts
-- it past 799 (Trusted): the tiers above are the council's and the academy's to give. The agent's row is taken
-- with SKIP LOCKED: when another transaction holds it, nothing happens here, and that holder settles these tallies
-- once it has committed (the caller settles again after every commit until nothing is left or the row is busy).
-- NO KEY UPDATE, as the UPDATE below needs: FOR UPDATE would also block the key-share lock that inserting a tally
-- takes on the agent (its foreign key), and so every report of the agent until this one commits.
-- No row when nothing was settled. Internal: only the definer's own functions call it.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.settle_outcomes_of(p_agent uuid)
    RETURNS TABLE (agent_id uuid, owner_id uuid, name text, status public.agent_status, previous_score integer,
                   new_score integer, successes integer, failures integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_successes  integer;
    v_failures   integer;
    v_total      integer;
    v_successful integer;
    v_score      integer;
    v_owner      uuid;
    v_name       text;
    v_status     public.agent_status;
    v_change     integer;
    v_new        integer;
BEGIN
    -- Checked before any lock, so that a settle with nothing to do writes nothing (and waits for no fsync).
    IF NOT EXISTS (SELECT 1 FROM public.agent_outcome_tallies t WHERE t.agent_id = p_agent) THEN
        RETURN;
    END IF;
    SELECT a.total_interactions, a.successful_interactions, a.trust_score, a.owner_id, a.name, a.status
      INTO v_total, v_successful, v_score, v_owner, v_name, v_status
      FROM public.agents a WHERE a.id = p_agent FOR NO KEY UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    WITH settled AS (
        DELETE FROM public.agent_outcome_tallies t WHERE t.agent_id = p_agent RETURNING t.successes, t.failures
    )
    SELECT coalesce(sum(s.successes), 0)::integer, coalesce(sum(s.failures), 0)::integer
      INTO v_successes, v_failures FROM settled s;
    IF v_successes + v_failures = 0 THEN
        RETURN;
    END IF;
    v_change := (v_successful + v_successes) / 100 - v_successful / 100
              - ((v_total + v_successes + v_failures) - (v_successful + v_successes)) / 20
              + (v_total - v_successful) / 20;
    IF v_change > 0 THEN
        v_change := greatest(0, least(v_change, 799 - v_score));
    END IF;
    IF v_status = 'retired' THEN -- its keys still report, and count, but a retired agent's trust stays
        v_change := 0;
    END IF;
    UPDATE public.agents
       SET total_interactions = v_total + v_successes + v_failures,
           successful_interactions = v_successful + v_successes,
           trust_score = v_score + v_change
     WHERE id = p_agent
    RETURNING trust_score INTO v_new;
    IF v_new <> v_score THEN
        INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason)
        VALUES (p_agent, v_score, v_new, v_new - v_score, 'behavior_analysis',
                format('%s successful and %s failed interactions reported', v_successes, v_failures));
    END IF;
    RETURN QUERY SELECT p_agent, v_owner, v_name, v_status, v_score, v_new, v_successes, v_failures;
END $$;
REVOKE ALL ON FUNCTION public.settle_outcomes_of(uuid) FROM PUBLIC;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.settle_outcomes_of(uuid);
--rollback RESET ROLE;
