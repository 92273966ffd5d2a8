--liquibase formatted sql

--changeset agentanchor:platform-function-touch-updated-at runOnChange:true splitStatements:false
--comment: The current text of touch_updated_at(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-rls-helpers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- updated_at maintenance, attached only to tables that have the column (the origin also attached it to
-- council_decisions, where every UPDATE then failed).
CREATE OR REPLACE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    NEW.updated_at := pg_catalog.now();
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
