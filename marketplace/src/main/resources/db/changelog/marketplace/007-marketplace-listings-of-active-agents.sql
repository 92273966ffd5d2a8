--liquibase formatted sql

--changeset agentanchor:marketplace-listings-of-active-agents splitStatements:false rollbackSplitStatements:false
--comment: A listing is on show only while its agent is active: once the council suspends the agent (or it is retired)
-- its listing leaves the catalogue, and it is no longer served by id either, to anyone but its seller (404, as for
-- a listing that never was), rather than as "active" for an agent nobody may acquire. The agents subquery runs under
-- the reader's own policies, which show everyone the active agents.
SET LOCAL ROLE agentanchor_owner;
DROP POLICY marketplace_listings_select ON public.marketplace_listings;
CREATE POLICY marketplace_listings_select ON public.marketplace_listings FOR SELECT TO agentanchor_app
    USING (seller_id = (SELECT public.current_profile_id())
           OR (status IN ('active', 'sold_out')
               AND EXISTS (SELECT 1 FROM public.agents a
                            WHERE a.id = marketplace_listings.agent_id AND a.status = 'active')));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY marketplace_listings_select ON public.marketplace_listings;
--rollback CREATE POLICY marketplace_listings_select ON public.marketplace_listings FOR SELECT TO agentanchor_app
--rollback     USING (status IN ('active', 'sold_out') OR seller_id = (SELECT public.current_profile_id()));
--rollback RESET ROLE;
