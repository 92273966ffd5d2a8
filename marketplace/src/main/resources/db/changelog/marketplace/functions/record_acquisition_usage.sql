--liquibase formatted sql

--changeset agentanchor:marketplace-function-record-acquisition-usage runOnChange:true splitStatements:false
--comment: The current text of record_acquisition_usage(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- The seller, who runs the agent, records uses of an active commission acquisition. total_spent is recomputed from
-- total_usage at the rate copied at acquisition, never accumulated, so rounding cannot drift and the rate the
-- listing has now does not matter. The row lock serializes concurrent reports. The Java twin is
-- Acquisition.whyNoUsage and spentAfter.
CREATE OR REPLACE FUNCTION public.record_acquisition_usage(p_acquisition_id uuid, p_uses integer) RETURNS void
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
        RAISE EXCEPTION 'only the seller records usage of acquisition %', p_acquisition_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_uses IS NULL OR p_uses < 1 THEN
        RAISE EXCEPTION 'uses must be positive, not %', p_uses USING ERRCODE = 'check_violation';
    END IF;
    IF v_status <> 'active' OR v_type <> 'commission' THEN
        RAISE EXCEPTION 'usage is recorded for active commission acquisitions, not a % %', v_status, v_type
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.acquisitions a
       SET total_usage = coalesce(a.total_usage, 0) + p_uses,
           total_spent = round((coalesce(a.total_usage, 0) + p_uses) * coalesce(a.commission_rate_at_acquisition, 0), 2)
     WHERE a.id = p_acquisition_id;
END $$;
RESET ROLE;
--rollback empty
