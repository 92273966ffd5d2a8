--liquibase formatted sql

--changeset agentanchor:profiles-public-profiles splitStatements:false rollbackSplitStatements:false
--comment: A profile's public page (name, avatar, storefront) is readable by anyone, even anonymously; its other
-- columns are not (email, subject, role, subscription, notification settings). The select policy still shows a user
-- only their own row, so the public columns are served by public_profile() (functions/), a definer function that
-- returns those columns and nothing else.
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.public_profile(p_id uuid)
    RETURNS TABLE (id uuid, full_name text, avatar_url text, storefront_name text, storefront_bio text,
                   created_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz WHERE false $$;
REVOKE ALL ON FUNCTION public.public_profile(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.public_profile(uuid) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.public_profile(uuid);
--rollback RESET ROLE;
