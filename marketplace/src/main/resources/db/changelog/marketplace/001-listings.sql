--liquibase formatted sql

--changeset agentanchor:marketplace-listings-table splitStatements:false
--comment: marketplace_listings as the origin built it (marketplace.ts), plus an index that fits the public
-- catalogue (active listings, newest first) and an index for the seller's own list.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.listing_status AS ENUM ('draft', 'pending_review', 'active', 'paused', 'sold_out', 'retired');

CREATE TABLE public.marketplace_listings (
    id                       uuid                  NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id                 uuid                  NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    seller_id                uuid                  NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    title                    text                  NOT NULL,
    description              text,
    status                   public.listing_status NOT NULL DEFAULT 'draft',
    commission_rate          numeric(10, 4),
    clone_price              numeric(10, 2),
    enterprise_price         numeric(10, 2),
    available_for_commission boolean                        DEFAULT true,
    available_for_clone      boolean                        DEFAULT false,
    available_for_enterprise boolean                        DEFAULT false,
    max_clones               integer,
    current_clones           integer                        DEFAULT 0,
    tags                     jsonb                          DEFAULT '[]',
    category                 text,
    preview_config           jsonb                          DEFAULT '{}',
    view_count               integer                        DEFAULT 0,
    acquisition_count        integer                        DEFAULT 0,
    average_rating           numeric(3, 2),
    review_count             integer                        DEFAULT 0,
    created_at               timestamptz           NOT NULL DEFAULT now(),
    updated_at               timestamptz           NOT NULL DEFAULT now(),
    published_at             timestamptz
);
CREATE INDEX marketplace_listings_agent_idx ON public.marketplace_listings (agent_id);
CREATE INDEX marketplace_listings_seller_idx ON public.marketplace_listings (seller_id);
CREATE INDEX marketplace_listings_status_idx ON public.marketplace_listings (status);
CREATE INDEX marketplace_listings_category_idx ON public.marketplace_listings (category);
CREATE INDEX marketplace_listings_published_idx ON public.marketplace_listings (published_at);
CREATE INDEX marketplace_listings_active_published_idx ON public.marketplace_listings (published_at DESC, id DESC)
    WHERE status = 'active';
CREATE INDEX marketplace_listings_seller_created_idx ON public.marketplace_listings (seller_id, created_at DESC);

CREATE TRIGGER update_marketplace_listings_updated_at BEFORE UPDATE ON public.marketplace_listings
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

GRANT SELECT, INSERT, UPDATE, DELETE ON public.marketplace_listings TO agentanchor_app;

ALTER TABLE public.marketplace_listings ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.marketplace_listings FORCE ROW LEVEL SECURITY;
CREATE POLICY marketplace_listings_select ON public.marketplace_listings FOR SELECT TO agentanchor_app
    USING (status = 'active' OR seller_id = (SELECT public.current_profile_id()));
-- A seller lists only an agent they own.
CREATE POLICY marketplace_listings_insert ON public.marketplace_listings FOR INSERT TO agentanchor_app
    WITH CHECK (seller_id = (SELECT public.current_profile_id()) AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
CREATE POLICY marketplace_listings_update ON public.marketplace_listings FOR UPDATE TO agentanchor_app
    USING (seller_id = (SELECT public.current_profile_id()))
    WITH CHECK (seller_id = (SELECT public.current_profile_id()) AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
CREATE POLICY marketplace_listings_delete ON public.marketplace_listings FOR DELETE TO agentanchor_app
    USING (seller_id = (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.marketplace_listings;
--rollback DROP TYPE public.listing_status;
--rollback RESET ROLE;
