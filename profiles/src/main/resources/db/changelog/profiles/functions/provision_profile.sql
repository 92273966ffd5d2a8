--liquibase formatted sql

--changeset agentanchor:profiles-function-provision-profile runOnChange:true splitStatements:false
--comment: The current text of provision_profile(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 002-profiles-rls.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Returns the profile of an authenticated subject, creating it on first sight. Concurrent first calls for one
-- subject race on the unique index: exactly one INSERT wins and reports created = true.
-- An email already taken by another subject yields no row: the caller turns that into a conflict.
CREATE OR REPLACE FUNCTION public.provision_profile(p_auth_user_id text, p_email text, p_full_name text)
    RETURNS TABLE (profile_id uuid, created boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    RETURN QUERY SELECT p.id, false FROM public.profiles p WHERE p.auth_user_id = p_auth_user_id;
    IF FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY
        INSERT INTO public.profiles (auth_user_id, email, full_name)
        VALUES (p_auth_user_id, p_email, p_full_name)
        ON CONFLICT DO NOTHING
        RETURNING id, true;
    IF FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT p.id, false FROM public.profiles p WHERE p.auth_user_id = p_auth_user_id;
END $$;
RESET ROLE;
--rollback empty
