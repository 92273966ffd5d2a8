--liquibase formatted sql

--changeset agentanchor:truthchain-function-guard-truth-chain-keys runOnChange:true splitStatements:false
--comment: The current text of guard_truth_chain_keys(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 002-truth-chain-keys.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
CREATE OR REPLACE FUNCTION public.guard_truth_chain_keys() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.key_id, NEW.algorithm, NEW.public_key, NEW.created_at)
                            IS NOT DISTINCT FROM (OLD.key_id, OLD.algorithm, OLD.public_key, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'truth_chain_keys keeps every key: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
RESET ROLE;
--rollback empty
