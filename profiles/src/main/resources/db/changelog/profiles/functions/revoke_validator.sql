--liquibase formatted sql

--changeset agentanchor:profiles-function-revoke-validator runOnChange:true splitStatements:false
--comment: The current text of revoke_validator(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- An admin takes a profile off the council; false when it held no credential. Refused for anyone else.
CREATE OR REPLACE FUNCTION public.revoke_validator(p_profile_id uuid) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    IF NOT public.current_user_is_admin() THEN
        RAISE EXCEPTION 'only a platform admin dismisses validators' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM public.validator_credentials c WHERE c.profile_id = p_profile_id;
    RETURN FOUND;
END $$;
RESET ROLE;
--rollback empty
