--liquibase formatted sql

--changeset agentanchor:truthchain-function-reject-truth-chain-change runOnChange:true splitStatements:false
--comment: The current text of reject_truth_chain_change(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 001-truth-chain.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
CREATE OR REPLACE FUNCTION public.reject_truth_chain_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION 'truth_chain is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
RESET ROLE;
--rollback empty
