--liquibase formatted sql

--changeset agentanchor:profiles-rls splitStatements:false
--comment: A user sees and edits only their own profile. The origin let everyone read every row (emails
-- included); public storefront fields will be served through a narrower path when the marketplace needs them.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.profiles FORCE ROW LEVEL SECURITY;

CREATE POLICY profiles_select_own ON public.profiles FOR SELECT TO agentanchor_app
    USING (id = (SELECT public.current_profile_id()));
CREATE POLICY profiles_update_own ON public.profiles FOR UPDATE TO agentanchor_app
    USING (id = (SELECT public.current_profile_id()))
    WITH CHECK (id = (SELECT public.current_profile_id()));

-- The provisioning helper must find a profile by its auth subject before any user context exists.
CREATE POLICY profiles_provisioning_select ON public.profiles FOR SELECT TO agentanchor_definer USING (true);
CREATE POLICY profiles_provisioning_insert ON public.profiles FOR INSERT TO agentanchor_definer WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- Returns the profile of an authenticated subject, creating it on first sight. Concurrent first calls for one
-- subject race on the unique index: exactly one INSERT wins and reports created = true.
-- An email already taken by another subject yields no row: the caller turns that into a conflict.
CREATE FUNCTION public.provision_profile(p_auth_user_id text, p_email text, p_full_name text)
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
REVOKE ALL ON FUNCTION public.provision_profile(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.provision_profile(text, text, text) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.provision_profile(text, text, text);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY profiles_provisioning_insert ON public.profiles;
--rollback DROP POLICY profiles_provisioning_select ON public.profiles;
--rollback DROP POLICY profiles_update_own ON public.profiles;
--rollback DROP POLICY profiles_select_own ON public.profiles;
--rollback ALTER TABLE public.profiles NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE public.profiles DISABLE ROW LEVEL SECURITY;
--rollback RESET ROLE;
