--liquibase formatted sql

--changeset agentanchor:platform-function-current-profile-id runOnChange:true splitStatements:false
--comment: The current text of current_profile_id(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-rls-helpers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- No SET clause: PostgreSQL inlines a SQL function only without one, so a policy's (SELECT ...) becomes the
-- expression itself instead of a function call that saves and restores search_path each time. Every name in the
-- body is schema-qualified, and the function runs with the caller's rights, so there is nothing to look up.
CREATE OR REPLACE FUNCTION public.current_profile_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(pg_catalog.current_setting('app.current_user_id', true), '')::pg_catalog.uuid $$;
RESET ROLE;
--rollback empty
