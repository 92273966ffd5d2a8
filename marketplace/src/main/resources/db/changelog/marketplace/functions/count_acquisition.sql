--liquibase formatted sql

--changeset agentanchor:marketplace-function-count-acquisition runOnChange:true splitStatements:false
--comment: The current text of count_acquisition(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-marketplace-use-cases.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.count_acquisition() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    UPDATE public.marketplace_listings
       SET acquisition_count = coalesce(acquisition_count, 0) + 1
     WHERE id = NEW.listing_id;
    RETURN NULL;
END $$;
RESET ROLE;
--rollback empty
