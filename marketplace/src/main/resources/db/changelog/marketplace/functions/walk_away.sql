--liquibase formatted sql

--changeset agentanchor:marketplace-function-walk-away runOnChange:true splitStatements:false
--comment: The current text of walk_away(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- The consumer ends their own active acquisition, if it lets them (can_walk_away, copied at acquisition). A
-- definer: the consumer may not write status, or they could also bring an ended acquisition back. The Java twin is
-- Acquisition.whyNotWalkAway.
CREATE OR REPLACE FUNCTION public.walk_away(p_acquisition_id uuid, p_reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_consumer uuid;
    v_status public.acquisition_status;
    v_can_walk_away boolean;
BEGIN
    SELECT a.consumer_id, a.status, a.can_walk_away INTO v_consumer, v_status, v_can_walk_away
      FROM public.acquisitions a WHERE a.id = p_acquisition_id FOR UPDATE;
    IF NOT FOUND OR v_consumer IS DISTINCT FROM public.current_profile_id() THEN
        RAISE EXCEPTION 'only its consumer walks away from acquisition %', p_acquisition_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_status <> 'active' OR NOT coalesce(v_can_walk_away, false) THEN
        RAISE EXCEPTION 'acquisition % is % and can_walk_away is %', p_acquisition_id, v_status, v_can_walk_away
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.acquisitions
       SET status = 'terminated', walk_away_reason = p_reason, terminated_at = pg_catalog.now()
     WHERE id = p_acquisition_id;
END $$;
RESET ROLE;
--rollback empty
