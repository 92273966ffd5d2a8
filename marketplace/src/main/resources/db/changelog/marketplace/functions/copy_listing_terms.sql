--liquibase formatted sql

--changeset agentanchor:marketplace-function-copy-listing-terms runOnChange:true splitStatements:false
--comment: The current text of copy_listing_terms(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_owner;
-- An acquisition holds the listing's terms as they were when it was made: copied here, never taken from the client.
CREATE OR REPLACE FUNCTION public.copy_listing_terms() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    SELECT l.commission_rate, l.clone_price
      INTO NEW.commission_rate_at_acquisition, NEW.price_at_acquisition
      FROM public.marketplace_listings l WHERE l.id = NEW.listing_id;
    NEW.total_usage := 0;
    NEW.total_spent := 0;
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
