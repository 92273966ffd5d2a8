--liquibase formatted sql

--changeset agentanchor:marketplace-active-agents splitStatements:false rollbackSplitStatements:false
--comment: Only an active agent (graduated, not suspended) is on sale, in the database too: an active listing needs
-- an active agent, and so does an acquisition. The service checks both first, for a clear 409; these policies hold
-- when a caller gets past it. A seller still drafts listings of agents that are not active yet. The agents
-- subqueries run under the caller's own policies, which show a seller their agents and a consumer active ones.
SET LOCAL ROLE agentanchor_owner;
DROP POLICY marketplace_listings_insert ON public.marketplace_listings;
CREATE POLICY marketplace_listings_insert ON public.marketplace_listings FOR INSERT TO agentanchor_app
    WITH CHECK (seller_id = (SELECT public.current_profile_id())
                AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                AND (status <> 'active'
                     OR EXISTS (SELECT 1 FROM public.agents a
                                 WHERE a.id = marketplace_listings.agent_id AND a.status = 'active')));
DROP POLICY marketplace_listings_update ON public.marketplace_listings;
CREATE POLICY marketplace_listings_update ON public.marketplace_listings FOR UPDATE TO agentanchor_app
    USING (seller_id = (SELECT public.current_profile_id()))
    WITH CHECK (seller_id = (SELECT public.current_profile_id())
                AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
                AND (status <> 'active'
                     OR EXISTS (SELECT 1 FROM public.agents a
                                 WHERE a.id = marketplace_listings.agent_id AND a.status = 'active')));
DROP POLICY acquisitions_insert ON public.acquisitions;
CREATE POLICY acquisitions_insert ON public.acquisitions FOR INSERT TO agentanchor_app
    WITH CHECK (consumer_id = (SELECT public.current_profile_id())
                AND EXISTS (SELECT 1 FROM public.marketplace_listings l
                             WHERE l.id = acquisitions.listing_id AND l.agent_id = acquisitions.agent_id
                               AND l.status = 'active')
                AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = acquisitions.agent_id AND a.status = 'active'));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY acquisitions_insert ON public.acquisitions;
--rollback CREATE POLICY acquisitions_insert ON public.acquisitions FOR INSERT TO agentanchor_app
--rollback     WITH CHECK (consumer_id = (SELECT public.current_profile_id())
--rollback                 AND EXISTS (SELECT 1 FROM public.marketplace_listings l
--rollback                              WHERE l.id = acquisitions.listing_id AND l.agent_id = acquisitions.agent_id
--rollback                                AND l.status = 'active'));
--rollback DROP POLICY marketplace_listings_update ON public.marketplace_listings;
--rollback CREATE POLICY marketplace_listings_update ON public.marketplace_listings FOR UPDATE TO agentanchor_app
--rollback     USING (seller_id = (SELECT public.current_profile_id()))
--rollback     WITH CHECK (seller_id = (SELECT public.current_profile_id()) AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
--rollback DROP POLICY marketplace_listings_insert ON public.marketplace_listings;
--rollback CREATE POLICY marketplace_listings_insert ON public.marketplace_listings FOR INSERT TO agentanchor_app
--rollback     WITH CHECK (seller_id = (SELECT public.current_profile_id()) AND agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
--rollback RESET ROLE;
