--liquibase formatted sql

--changeset agentanchor:truth-chain-authorization-records splitStatements:false
--comment: Agents ask before they act; every refusal is on the chain, as an authorization record. (An approval above
-- an agent's own level is a council decision, on the chain as one.) PostgreSQL cannot drop an enum value, so a
-- undoing this changeset leaves it; IF NOT EXISTS lets the changeset run again after that.
SET LOCAL ROLE agentanchor_owner;
ALTER TYPE public.truth_record_type ADD VALUE IF NOT EXISTS 'authorization';
RESET ROLE;
--rollback empty
