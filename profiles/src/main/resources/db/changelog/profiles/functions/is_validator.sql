--liquibase formatted sql

--changeset agentanchor:profiles-function-is-validator runOnChange:true splitStatements:false
--comment: The current text of is_validator(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-validators.sql held its last version; applied changesets keep theirs as history. Since
-- 004 a validator is whoever holds a credential an admin granted, not whoever chose the role trainer.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.is_validator() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT EXISTS (SELECT 1 FROM public.validator_credentials c WHERE c.profile_id = public.current_profile_id())
$$;
RESET ROLE;
--rollback empty
