--liquibase formatted sql

--changeset agentanchor:profiles-deletion splitStatements:false rollbackSplitStatements:false
--comment: A user may delete their own profile (the right to erasure), only through delete_my_profile() (functions/):
-- the app role has no DELETE on profiles. Foreign keys cascade to their agents, listings and acquisitions; the
-- cascades run as the tables' owner, past row-level security, as referential actions do.
SET LOCAL ROLE agentanchor_owner;
GRANT DELETE ON public.profiles TO agentanchor_definer;
CREATE POLICY profiles_definer_delete ON public.profiles FOR DELETE TO agentanchor_definer USING (true);
RESET ROLE;
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.delete_my_profile() RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT false $$;
REVOKE ALL ON FUNCTION public.delete_my_profile() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.delete_my_profile() TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.delete_my_profile();
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY profiles_definer_delete ON public.profiles;
--rollback REVOKE DELETE ON public.profiles FROM agentanchor_definer;
--rollback RESET ROLE;
