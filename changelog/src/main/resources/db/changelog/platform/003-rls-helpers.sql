--liquibase formatted sql

--changeset agentanchor:platform-rls-helpers splitStatements:false
--comment: The acting user reaches the database per transaction: the app's transaction manager runs
-- set_config('app.current_user_id', <profile id>, true) first in every transaction. After a local setting
-- ends, current_setting(..., true) returns '' rather than NULL, hence nullif: every policy fails closed.
SET LOCAL ROLE agentanchor_owner;
CREATE FUNCTION public.current_profile_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = ''
AS $$ SELECT nullif(pg_catalog.current_setting('app.current_user_id', true), '')::uuid $$;
GRANT EXECUTE ON FUNCTION public.current_profile_id() TO agentanchor_app, agentanchor_definer;

-- updated_at maintenance, attached only to tables that have the column (the origin also attached it to
-- council_decisions, where every UPDATE then failed).
CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    NEW.updated_at := pg_catalog.now();
    RETURN NEW;
END $$;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP FUNCTION public.touch_updated_at();
--rollback DROP FUNCTION public.current_profile_id();
--rollback RESET ROLE;
