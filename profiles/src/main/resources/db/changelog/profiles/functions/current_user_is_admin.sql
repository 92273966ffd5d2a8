--liquibase formatted sql

--changeset agentanchor:profiles-function-current-user-is-admin runOnChange:true splitStatements:false
--comment: The current text of current_user_is_admin(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Whether the acting user is a platform admin, as the app found from the verified token (AGENTANCHOR_ADMIN_*):
-- set per transaction like app.current_user_id, and false when unset.
-- No SET clause, so that PostgreSQL inlines it (why: platform/functions/current_profile_id.sql).
CREATE OR REPLACE FUNCTION public.current_user_is_admin() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(nullif(pg_catalog.current_setting('app.current_user_is_admin', true), '')::pg_catalog.bool, false) $$;
RESET ROLE;
--rollback empty
