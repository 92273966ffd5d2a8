--liquibase formatted sql

--changeset agentanchor:marketplace-function-take-listing-stock runOnChange:true splitStatements:false
--comment: The current text of take_listing_stock(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- Admits an acquisition to its listing, before the row is written: one conditional UPDATE both checks that the
-- listing is on sale for this kind of acquisition (and, for a clone, that a clone is left) and takes the stock, so
-- concurrent buyers queue on the listing's row lock and each re-reads the row its predecessor left: of 20 buyers of
-- the last 5 clones, 5 pass and the 6th finds the listing sold out. The same lock orders enterprise locks against
-- everything else: once the lock (or the row lock's predecessor) is committed, the check below sees it. A definer,
-- because the consumer may not update the listing (its update policy is the seller's); a trigger, so that nobody
-- can take stock without acquiring. Refusals are check_violation, which the service shows as a 409.
CREATE OR REPLACE FUNCTION public.take_listing_stock() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_clone boolean := NEW.acquisition_type = 'clone';
BEGIN
    UPDATE public.marketplace_listings l
       SET current_clones = coalesce(l.current_clones, 0) + CASE WHEN v_clone THEN 1 ELSE 0 END,
           status = CASE WHEN v_clone AND l.max_clones IS NOT NULL
                              AND coalesce(l.current_clones, 0) + 1 >= l.max_clones
                         THEN 'sold_out'::public.listing_status ELSE l.status END
     WHERE l.id = NEW.listing_id
       AND l.status = 'active'
       AND CASE NEW.acquisition_type
               WHEN 'commission' THEN coalesce(l.available_for_commission, false)
               WHEN 'clone' THEN coalesce(l.available_for_clone, false)
                                 AND (l.max_clones IS NULL OR coalesce(l.current_clones, 0) < l.max_clones)
               WHEN 'enterprise_lock' THEN coalesce(l.available_for_enterprise, false)
           END;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'listing % is not on sale for %: sold out, paused, retired or not offered that way',
            NEW.listing_id, NEW.acquisition_type USING ERRCODE = 'check_violation';
    END IF;
    -- A new statement, so a new snapshot: it sees what the holders of the row lock before us committed.
    IF EXISTS (SELECT 1 FROM public.acquisitions a
                WHERE a.listing_id = NEW.listing_id AND a.acquisition_type = 'enterprise_lock'
                  AND a.status = 'active') THEN
        RAISE EXCEPTION 'listing % is under an active enterprise lock', NEW.listing_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
