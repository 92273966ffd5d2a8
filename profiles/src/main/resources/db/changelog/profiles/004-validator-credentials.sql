--liquibase formatted sql

--changeset agentanchor:profiles-validator-credentials splitStatements:false rollbackSplitStatements:false
--comment: Sitting on the council takes a credential a platform admin grants; a profile's self-chosen role grants
-- nothing. Everyone signed in may read who sits on the council; nobody writes the table directly: an admin grants
-- and revokes through grant_validator() and revoke_validator() (functions/), which check the caller is an admin
-- (app.current_user_is_admin, set per transaction from the verified token, like app.current_user_id).
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.validator_credentials (
    profile_id uuid PRIMARY KEY REFERENCES public.profiles (id) ON DELETE CASCADE,
    granted_by uuid REFERENCES public.profiles (id) ON DELETE SET NULL,
    granted_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE public.validator_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.validator_credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY validator_credentials_select ON public.validator_credentials FOR SELECT TO agentanchor_app
    USING ((SELECT public.current_profile_id()) IS NOT NULL);
CREATE POLICY validator_credentials_definer ON public.validator_credentials FOR ALL TO agentanchor_definer
    USING (true) WITH CHECK (true);
GRANT SELECT ON public.validator_credentials TO agentanchor_app;
GRANT SELECT, INSERT, DELETE ON public.validator_credentials TO agentanchor_definer;
RESET ROLE;
-- Whoever was a validator by role until now keeps nothing: an admin appoints the council anew.
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.validator_credentials;
--rollback RESET ROLE;

--changeset agentanchor:profiles-validator-credential-functions splitStatements:false rollbackSplitStatements:false
--comment: Empty shells with their grants; their text lives in functions/ (applied after this changeset).
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.current_user_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT false $$;
CREATE FUNCTION public.grant_validator(p_profile_id uuid) RETURNS public.validator_credentials
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT NULL::public.validator_credentials $$;
CREATE FUNCTION public.revoke_validator(p_profile_id uuid) RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT false $$;
REVOKE ALL ON FUNCTION public.grant_validator(uuid), public.revoke_validator(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.current_user_is_admin(), public.grant_validator(uuid),
    public.revoke_validator(uuid) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.revoke_validator(uuid);
--rollback DROP FUNCTION public.grant_validator(uuid);
--rollback DROP FUNCTION public.current_user_is_admin();
--rollback RESET ROLE;
