--liquibase formatted sql

--changeset agentanchor:agents-function-get-trust-tier runOnChange:true splitStatements:false
--comment: The current text of get_trust_tier(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 001-trust-tiers.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
CREATE OR REPLACE FUNCTION public.get_trust_tier(score integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT (ARRAY['Untrusted', 'Provisional', 'Established', 'Trusted', 'Highly Trusted', 'Elite'])
           [public.get_trust_tier_level(score) + 1]
$$;
RESET ROLE;
--rollback empty
