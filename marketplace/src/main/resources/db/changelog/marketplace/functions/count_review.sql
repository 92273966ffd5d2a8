--liquibase formatted sql

--changeset agentanchor:marketplace-function-count-review runOnChange:true splitStatements:false
--comment: The current text of count_review(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- Keeps a listing's review_count and average_rating equal to its reviews. It locks the listing's row first and
-- then counts in a new statement, whose snapshot sees every review committed by the lock's earlier holders: two
-- concurrent reviews cannot both count from the state before the other. Counted from the rows, not incremented, so
-- the rounded average never drifts.
CREATE OR REPLACE FUNCTION public.count_review() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    PERFORM 1 FROM public.marketplace_listings l WHERE l.id = NEW.listing_id FOR UPDATE;
    UPDATE public.marketplace_listings l
       SET (review_count, average_rating) = (
               SELECT count(*), round(avg(a.rating), 2)
                 FROM public.acquisitions a
                WHERE a.listing_id = NEW.listing_id AND a.rating IS NOT NULL)
     WHERE l.id = NEW.listing_id;
    RETURN NULL;
END $$;
RESET ROLE;
--rollback empty
