--liquibase formatted sql

--changeset agentanchor:marketplace-use-cases splitStatements:false rollbackSplitStatements:false
--comment: What listing and acquiring need from the database. An agent has at most one active listing, and a
-- consumer at most one active acquisition per listing: partial unique indexes, so that concurrent requests cannot
-- both pass the application's check. Every acquisition counts on its listing in the same transaction, but the
-- consumer may not update a listing (its update policy is the seller's): an AFTER INSERT trigger runs a definer
-- function that adds one to acquisition_count. A trigger rather than a callable function, so that nobody can call
-- it to count an acquisition twice or one that was never made.
SET LOCAL ROLE agentanchor_owner;
CREATE UNIQUE INDEX marketplace_listings_one_active_per_agent ON public.marketplace_listings (agent_id)
    WHERE status = 'active';
CREATE UNIQUE INDEX acquisitions_one_active_per_consumer ON public.acquisitions (listing_id, consumer_id)
    WHERE status = 'active';
-- The definer reaches listings only through count_acquisition; nobody logs in as it.
GRANT SELECT (id, acquisition_count), UPDATE (acquisition_count) ON public.marketplace_listings TO agentanchor_definer;
CREATE POLICY marketplace_listings_definer_select ON public.marketplace_listings FOR SELECT TO agentanchor_definer
    USING (true);
CREATE POLICY marketplace_listings_definer_update ON public.marketplace_listings FOR UPDATE TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.count_acquisition() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    UPDATE public.marketplace_listings
       SET acquisition_count = coalesce(acquisition_count, 0) + 1
     WHERE id = NEW.listing_id;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION public.count_acquisition() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.count_acquisition() TO agentanchor_owner;
RESET ROLE;

SET LOCAL ROLE agentanchor_owner;
CREATE TRIGGER count_acquisition AFTER INSERT ON public.acquisitions
    FOR EACH ROW EXECUTE FUNCTION public.count_acquisition();
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TRIGGER count_acquisition ON public.acquisitions;
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.count_acquisition();
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY marketplace_listings_definer_update ON public.marketplace_listings;
--rollback DROP POLICY marketplace_listings_definer_select ON public.marketplace_listings;
--rollback REVOKE SELECT (id, acquisition_count), UPDATE (acquisition_count) ON public.marketplace_listings FROM agentanchor_definer;
--rollback DROP INDEX public.acquisitions_one_active_per_consumer;
--rollback DROP INDEX public.marketplace_listings_one_active_per_agent;
--rollback RESET ROLE;
