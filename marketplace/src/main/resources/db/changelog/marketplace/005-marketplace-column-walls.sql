--liquibase formatted sql

--changeset agentanchor:marketplace-column-walls splitStatements:false rollbackSplitStatements:false
--comment: What a seller or a consumer may not set, the app role may not write: a listing's counters and ratings
-- (kept by triggers), an acquisition's copied terms and spend. The commission rate of an acquisition is copied
-- from its listing by a trigger (copy_listing_terms), whatever the insert says.
SET LOCAL ROLE agentanchor_owner;
REVOKE INSERT, UPDATE ON public.marketplace_listings FROM agentanchor_app;
GRANT INSERT (id, agent_id, seller_id, title, description, status, commission_rate, clone_price, enterprise_price,
              available_for_commission, available_for_clone, available_for_enterprise, max_clones, tags, category,
              preview_config, published_at)
    ON public.marketplace_listings TO agentanchor_app;
GRANT UPDATE (title, description, status, commission_rate, clone_price, enterprise_price, available_for_commission,
              available_for_clone, available_for_enterprise, max_clones, tags, category, preview_config, published_at)
    ON public.marketplace_listings TO agentanchor_app;
REVOKE INSERT, UPDATE ON public.acquisitions FROM agentanchor_app;
GRANT INSERT (id, listing_id, agent_id, consumer_id, acquisition_type, status) ON public.acquisitions
    TO agentanchor_app;
GRANT UPDATE (rating, review, reviewed_at) ON public.acquisitions TO agentanchor_app;
CREATE FUNCTION public.copy_listing_terms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER acquisitions_copy_listing_terms BEFORE INSERT ON public.acquisitions
    FOR EACH ROW EXECUTE FUNCTION public.copy_listing_terms();
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TRIGGER acquisitions_copy_listing_terms ON public.acquisitions;
--rollback DROP FUNCTION public.copy_listing_terms();
--rollback REVOKE INSERT (id, listing_id, agent_id, consumer_id, acquisition_type, status), UPDATE (rating, review, reviewed_at) ON public.acquisitions FROM agentanchor_app;
--rollback GRANT INSERT, UPDATE ON public.acquisitions TO agentanchor_app;
--rollback REVOKE INSERT (id, agent_id, seller_id, title, description, status, commission_rate, clone_price, enterprise_price, available_for_commission, available_for_clone, available_for_enterprise, max_clones, tags, category, preview_config, published_at), UPDATE (title, description, status, commission_rate, clone_price, enterprise_price, available_for_commission, available_for_clone, available_for_enterprise, max_clones, tags, category, preview_config, published_at) ON public.marketplace_listings FROM agentanchor_app;
--rollback GRANT INSERT, UPDATE ON public.marketplace_listings TO agentanchor_app;
--rollback RESET ROLE;
