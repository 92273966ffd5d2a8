--liquibase formatted sql

--changeset agentanchor:agents-trust-tiers splitStatements:false
--comment: The trust ladder as the origin implemented it (0001_functions.sql): Untrusted <200, Provisional <400,
-- Established <600, Trusted <800, Highly Trusted <900, Elite >=900; negatives are Untrusted, >1000 Elite.
-- The Java TrustTier mirrors this table and a test holds the two to the same boundaries.
SET LOCAL ROLE agentanchor_owner;
CREATE FUNCTION public.get_trust_tier_level(score integer) RETURNS integer
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
CREATE FUNCTION public.get_trust_tier(score integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT (ARRAY['Untrusted', 'Provisional', 'Established', 'Trusted', 'Highly Trusted', 'Elite'])
           [public.get_trust_tier_level(score) + 1]
$$;
GRANT EXECUTE ON FUNCTION public.get_trust_tier_level(integer), public.get_trust_tier(integer) TO agentanchor_app;

-- Trust scores live in 0..1000; like the origin, out-of-range writes are clamped rather than rejected, so a
-- large penalty lands on 0 instead of failing the decision that caused it.
CREATE FUNCTION public.clamp_trust_score() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    NEW.trust_score := greatest(0, least(1000, NEW.trust_score));
    RETURN NEW;
END $$;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP FUNCTION public.clamp_trust_score();
--rollback DROP FUNCTION public.get_trust_tier(integer);
--rollback DROP FUNCTION public.get_trust_tier_level(integer);
--rollback RESET ROLE;
