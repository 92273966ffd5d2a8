--liquibase formatted sql

--changeset agentanchor:platform-function-current-profile-id runOnChange:true splitStatements:false
--comment: The current text of current_profile_id(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-rls-helpers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
CREATE OR REPLACE FUNCTION public.current_profile_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = ''
AS $$ SELECT nullif(pg_catalog.current_setting('app.current_user_id', true), '')::uuid $$;
RESET ROLE;
--rollback empty
