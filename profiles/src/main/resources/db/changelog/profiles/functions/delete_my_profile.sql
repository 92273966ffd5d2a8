--liquibase formatted sql

--changeset agentanchor:profiles-function-delete-my-profile runOnChange:true splitStatements:false
--comment: The current text of delete_my_profile(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Deletes the acting user's own profile, never anyone else's; false when there is none.
CREATE OR REPLACE FUNCTION public.delete_my_profile() RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_me uuid := public.current_profile_id();
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'only a signed-in user deletes their profile' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM public.profiles p WHERE p.id = v_me;
    RETURN FOUND;
END $$;
RESET ROLE;
--rollback empty
