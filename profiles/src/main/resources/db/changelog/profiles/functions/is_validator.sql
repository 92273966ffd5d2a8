--liquibase formatted sql

--changeset agentanchor:profiles-function-is-validator runOnChange:true splitStatements:false
--comment: The current text of is_validator(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-validators.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.is_validator() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT EXISTS (SELECT 1 FROM public.profiles p
                    WHERE p.id = public.current_profile_id() AND p.role IN ('trainer', 'both'))
$$;
RESET ROLE;
--rollback empty
