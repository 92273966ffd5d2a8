--liquibase formatted sql

--changeset agentanchor:marketplace-function-terminate-acquisition runOnChange:true splitStatements:false
--comment: The current text of terminate_acquisition(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- The seller (the listing's) ends an active commission or enterprise acquisition of their agent. A clone is the
-- consumer's agent once bought: there is nothing left to terminate. The Java twin is Acquisition.whyNotTerminate.
-- p_reason is part of the call for the caller's log: the origin's acquisitions have a column for a consumer's
-- walk-away reason only, and this does not put a seller's words there.
CREATE OR REPLACE FUNCTION public.terminate_acquisition(p_acquisition_id uuid, p_reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_seller uuid;
    v_status public.acquisition_status;
    v_type public.acquisition_type;
BEGIN
    SELECT l.seller_id, a.status, a.acquisition_type INTO v_seller, v_status, v_type
      FROM public.acquisitions a JOIN public.marketplace_listings l ON l.id = a.listing_id
     WHERE a.id = p_acquisition_id FOR UPDATE OF a;
    IF NOT FOUND OR v_seller IS DISTINCT FROM public.current_profile_id() THEN
        RAISE EXCEPTION 'only the seller terminates acquisition %', p_acquisition_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_status <> 'active' OR v_type = 'clone' THEN
        RAISE EXCEPTION 'a % % acquisition is not terminated', v_status, v_type USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.acquisitions SET status = 'terminated', terminated_at = pg_catalog.now()
     WHERE id = p_acquisition_id;
END $$;
RESET ROLE;
--rollback empty
