--liquibase formatted sql

--changeset agentanchor:profiles-function-public-profile runOnChange:true splitStatements:false
--comment: The current text of public_profile(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Anyone's profile, its public columns only: no row for an unknown id.
CREATE OR REPLACE FUNCTION public.public_profile(p_id uuid)
    RETURNS TABLE (id uuid, full_name text, avatar_url text, storefront_name text, storefront_bio text,
                   created_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ''
AS $$
    SELECT p.id, p.full_name, p.avatar_url, p.storefront_name, p.storefront_bio, p.created_at
      FROM public.profiles p
     WHERE p.id = p_id
$$;
RESET ROLE;
--rollback empty
