--liquibase formatted sql

--changeset agentanchor:agents-function-clamp-trust-score runOnChange:true splitStatements:false
--comment: The current text of clamp_trust_score(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 001-trust-tiers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- Trust scores live in 0..1000; like the origin, out-of-range writes are clamped rather than rejected, so a
-- large penalty lands on 0 instead of failing the decision that caused it.
CREATE OR REPLACE FUNCTION public.clamp_trust_score() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    NEW.trust_score := greatest(0, least(1000, NEW.trust_score));
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
