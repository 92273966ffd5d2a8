--liquibase formatted sql

--changeset agentanchor:marketplace-function-count-listing-view runOnChange:true splitStatements:false
--comment: The current text of count_listing_view(): change it here, and Liquibase applies it again on the next start.
-- 006-marketplace-lifecycle.sql created it (a stub, for its owner and grants); CREATE OR REPLACE keeps both.
SET LOCAL ROLE agentanchor_definer;
-- Counts one view of an active listing of an active agent (one on show) by someone other than its seller (a signed-in
-- seller looking at their own listing is not interest). A definer: viewers may not update listings.
CREATE OR REPLACE FUNCTION public.count_listing_view(p_listing_id uuid) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
    UPDATE public.marketplace_listings l
       SET view_count = coalesce(l.view_count, 0) + 1
     WHERE l.id = p_listing_id AND l.status = 'active'
       AND l.seller_id IS DISTINCT FROM public.current_profile_id()
       AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = l.agent_id AND a.status = 'active')
$$;
RESET ROLE;
--rollback empty
