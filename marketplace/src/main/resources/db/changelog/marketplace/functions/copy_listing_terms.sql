--liquibase formatted sql

--changeset agentanchor:marketplace-function-copy-listing-terms runOnChange:true splitStatements:false
--comment: The current text of copy_listing_terms(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- An acquisition holds the listing's terms as they were when it was made: copied here, never taken from the client.
-- The price is the one of its kind (a clone's or an enterprise lock's; a commission pays its rate per use); a
-- clone, bought outright, leaves nothing to walk away from. It runs as the consumer, who sees the listing while it
-- is on sale, and before take_listing_stock (name order), which may sell the listing out.
CREATE OR REPLACE FUNCTION public.copy_listing_terms() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    SELECT CASE WHEN NEW.acquisition_type = 'commission' THEN l.commission_rate END,
           CASE NEW.acquisition_type WHEN 'clone' THEN l.clone_price
                                     WHEN 'enterprise_lock' THEN l.enterprise_price END
      INTO NEW.commission_rate_at_acquisition, NEW.price_at_acquisition
      FROM public.marketplace_listings l WHERE l.id = NEW.listing_id;
    NEW.can_walk_away := NEW.acquisition_type <> 'clone';
    NEW.total_usage := 0;
    NEW.total_spent := 0;
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
