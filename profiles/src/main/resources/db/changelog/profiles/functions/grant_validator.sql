--liquibase formatted sql

--changeset agentanchor:profiles-function-grant-validator runOnChange:true splitStatements:false
--comment: The current text of grant_validator(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- An admin seats a profile on the council; granting twice keeps the first grant. Refused for anyone else.
CREATE OR REPLACE FUNCTION public.grant_validator(p_profile_id uuid) RETURNS public.validator_credentials
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.validator_credentials;
BEGIN
    IF NOT public.current_user_is_admin() THEN
        RAISE EXCEPTION 'only a platform admin appoints validators' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.validator_credentials (profile_id, granted_by)
    VALUES (p_profile_id, public.current_profile_id())
    ON CONFLICT (profile_id) DO NOTHING;
    SELECT * INTO v_row FROM public.validator_credentials c WHERE c.profile_id = p_profile_id;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
