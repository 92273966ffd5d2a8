--liquibase formatted sql

--changeset agentanchor:platform-roles splitStatements:false
--comment: Roles are cluster-wide, so they may already exist (another database of the same cluster).
-- agentanchor_owner owns every table and is NOLOGIN: nobody connects as the owner at run time.
-- agentanchor_app is the login role of the app's pool: not owner, not superuser, no BYPASSRLS.
-- agentanchor_definer owns the few SECURITY DEFINER helpers that must look past a policy; it has
-- policies of its own on exactly the tables those helpers read, and nothing else.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentanchor_owner') THEN
        CREATE ROLE agentanchor_owner NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentanchor_definer') THEN
        CREATE ROLE agentanchor_definer NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'agentanchor_app') THEN
        CREATE ROLE agentanchor_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END $$;
-- The migrating user switches to the owner role (SET LOCAL ROLE) in every changeset, so it must be a member.
GRANT agentanchor_owner TO current_user;
GRANT agentanchor_definer TO current_user;
GRANT USAGE, CREATE ON SCHEMA public TO agentanchor_owner, agentanchor_definer;
GRANT USAGE ON SCHEMA public TO agentanchor_app;
--rollback REVOKE USAGE ON SCHEMA public FROM agentanchor_app;
--rollback REVOKE USAGE, CREATE ON SCHEMA public FROM agentanchor_owner, agentanchor_definer;
