--liquibase formatted sql

--changeset agentanchor:agents-function-guard-agent-retirement runOnChange:true splitStatements:false
--comment: The current text of guard_agent_retirement(): change it here, and Liquibase applies it again on the next
-- start. 009-agent-retirement.sql created it (a stub, for its owner and its trigger) and drops it on rollback;
-- CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_owner;
-- Runs when a retired agent's status would change, whoever writes the row: retirement is final.
CREATE OR REPLACE FUNCTION public.guard_agent_retirement() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION 'a retired agent stays retired (not %)', NEW.status USING ERRCODE = 'check_violation';
END $$;
RESET ROLE;
--rollback empty
