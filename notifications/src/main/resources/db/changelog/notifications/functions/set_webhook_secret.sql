--liquibase formatted sql

--changeset agentanchor:notifications-function-set-webhook-secret runOnChange:true splitStatements:false
--comment: The current text of set_webhook_secret(): change it here, and Liquibase applies it again on the next start.
-- The acting profile's new signing secret, replacing any earlier one (a rotation: the old one signs nothing more).
-- Definer because the app role has no privilege on webhook_secrets: it may set its own secret, never read one.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.set_webhook_secret(p_secret text) RETURNS timestamptz
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_profile    uuid := public.current_profile_id();
    v_created_at timestamptz;
BEGIN
    IF v_profile IS NULL THEN
        RAISE EXCEPTION 'only a signed-in user sets their webhook secret' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.webhook_secrets (profile_id, secret) VALUES (v_profile, p_secret)
    ON CONFLICT (profile_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = pg_catalog.now()
    RETURNING created_at INTO v_created_at;
    RETURN v_created_at;
END $$;
REVOKE ALL ON FUNCTION public.set_webhook_secret(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.set_webhook_secret(text) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.set_webhook_secret(text);
--rollback RESET ROLE;
