--liquibase formatted sql

--changeset agentanchor:marketplace-function-listing-may-move runOnChange:true splitStatements:false
--comment: The current text of listing_may_move(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_owner;
-- Where a listing's status may go. The seller moves a listing between active and paused and retires it, for good;
-- a sold-out listing comes back (active or paused) once its seller allows more clones. Only the database sells a
-- listing out (take_listing_stock), and a seller who lowers max_clones to the clones sold. Draft and
-- pending_review have no step leading to them (listings are published as they are made). The Java twin is
-- ListingStatus.mayMoveTo; ListingStatusParityTests holds the two together.
CREATE OR REPLACE FUNCTION public.listing_may_move(from_status public.listing_status, to_status public.listing_status)
    RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT CASE from_status
        WHEN 'draft' THEN to_status IN ('active', 'paused', 'retired')
        WHEN 'pending_review' THEN to_status IN ('active', 'paused', 'retired')
        WHEN 'active' THEN to_status IN ('paused', 'sold_out', 'retired')
        WHEN 'paused' THEN to_status IN ('active', 'sold_out', 'retired')
        WHEN 'sold_out' THEN to_status IN ('active', 'paused', 'retired')
        ELSE false
    END
$$;
RESET ROLE;
--rollback empty
