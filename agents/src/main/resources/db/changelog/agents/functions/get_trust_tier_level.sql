--liquibase formatted sql

--changeset agentanchor:agents-function-get-trust-tier-level runOnChange:true splitStatements:false
--comment: The current text of get_trust_tier_level(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 001-trust-tiers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
CREATE OR REPLACE FUNCTION public.get_trust_tier_level(score integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT CASE
        WHEN score >= 900 THEN 5
        WHEN score >= 800 THEN 4
        WHEN score >= 600 THEN 3
        WHEN score >= 400 THEN 2
        WHEN score >= 200 THEN 1
        ELSE 0
    END
$$;
RESET ROLE;
--rollback empty
