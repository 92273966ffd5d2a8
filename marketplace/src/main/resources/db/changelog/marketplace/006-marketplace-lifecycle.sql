--liquibase formatted sql

--changeset agentanchor:marketplace-lifecycle splitStatements:false rollbackSplitStatements:false
--comment: What the listing lifecycle, search, the three kinds of acquisition and reviews need from the database.
-- Every rule that a caller could get around by writing SQL as the app role holds here, not only in the service:
-- a listing's status moves only as listing_may_move allows (retired is final); clones are counted against
-- max_clones by the same conditional UPDATE that takes them, so no two buyers get the last one; an active enterprise
-- lock admits no further acquisition; a review is written once and counted by the database. The functions' bodies
-- live in functions/ (runOnChange); the stubs here only give them an owner and a signature for the triggers.
SET LOCAL ROLE agentanchor_owner;
-- The origin checked none of these.
ALTER TABLE public.marketplace_listings
    ADD CONSTRAINT marketplace_listings_terms_not_negative
        CHECK (commission_rate >= 0 AND clone_price >= 0 AND enterprise_price >= 0),
    ADD CONSTRAINT marketplace_listings_clones_within_max
        CHECK (max_clones IS NULL OR (max_clones >= 0 AND current_clones <= max_clones)),
    ADD CONSTRAINT marketplace_listings_average_rating_range CHECK (average_rating BETWEEN 1 AND 5);
ALTER TABLE public.acquisitions
    ADD CONSTRAINT acquisitions_usage_not_negative CHECK (total_usage >= 0 AND total_spent >= 0);

-- Full-text search over what a buyer reads: title first, then description, category and tags.
ALTER TABLE public.marketplace_listings ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(category, '')), 'C')
    || setweight(coalesce(jsonb_to_tsvector('english'::regconfig, tags, '["string"]'), ''::tsvector), 'C')) STORED;
CREATE INDEX marketplace_listings_search_idx ON public.marketplace_listings USING gin (search);
CREATE INDEX marketplace_listings_tags_idx ON public.marketplace_listings USING gin (tags jsonb_path_ops);
-- The catalogue's three orders, each keyset-paged on (key, id). Newest first falls back on created_at for a listing
-- made active without a publication date (only by hand: the service dates every listing it publishes).
CREATE INDEX marketplace_listings_active_newest_idx
    ON public.marketplace_listings ((coalesce(published_at, created_at)) DESC, id DESC) WHERE status = 'active';
CREATE INDEX marketplace_listings_active_rating_idx
    ON public.marketplace_listings ((coalesce(average_rating, 0)) DESC, id DESC) WHERE status = 'active';
CREATE INDEX marketplace_listings_active_popular_idx
    ON public.marketplace_listings ((coalesce(acquisition_count, 0)) DESC, id DESC) WHERE status = 'active';
-- A seller's sales, newest first.
CREATE INDEX acquisitions_listing_created_idx ON public.acquisitions (listing_id, created_at DESC, id DESC);
-- At most one active enterprise lock per listing, whatever the triggers below are changed into.
CREATE UNIQUE INDEX acquisitions_one_active_enterprise_lock ON public.acquisitions (listing_id)
    WHERE acquisition_type = 'enterprise_lock' AND status = 'active';

-- A sold-out listing stays in sight, so that a buyer who comes too late is told so (409) rather than that it does not
-- exist; the catalogue still lists active listings only.
DROP POLICY marketplace_listings_select ON public.marketplace_listings;
CREATE POLICY marketplace_listings_select ON public.marketplace_listings FOR SELECT TO agentanchor_app
    USING (status IN ('active', 'sold_out') OR seller_id = (SELECT public.current_profile_id()));

-- A clone acquisition names the agent it created, which must be the consumer's own; no other kind names one.
GRANT INSERT (cloned_agent_id) ON public.acquisitions TO agentanchor_app;
DROP POLICY acquisitions_insert ON public.acquisitions;
CREATE POLICY acquisitions_insert ON public.acquisitions FOR INSERT TO agentanchor_app
    WITH CHECK (consumer_id = (SELECT public.current_profile_id())
                AND EXISTS (SELECT 1 FROM public.marketplace_listings l
                             WHERE l.id = acquisitions.listing_id AND l.agent_id = acquisitions.agent_id
                               AND l.status = 'active')
                AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = acquisitions.agent_id AND a.status = 'active')
                AND (acquisition_type = 'clone') = (cloned_agent_id IS NOT NULL)
                AND (cloned_agent_id IS NULL OR cloned_agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])));

-- The definer reaches these columns only through the functions below; nobody logs in as it.
GRANT SELECT (seller_id, agent_id, status, available_for_commission, available_for_clone, available_for_enterprise,
              max_clones, current_clones, view_count, review_count, average_rating),
      UPDATE (status, current_clones, view_count, review_count, average_rating)
    ON public.marketplace_listings TO agentanchor_definer;
GRANT SELECT (id, listing_id, consumer_id, acquisition_type, status, can_walk_away, commission_rate_at_acquisition,
              total_usage, rating),
      UPDATE (status, walk_away_reason, terminated_at, total_usage, total_spent)
    ON public.acquisitions TO agentanchor_definer;
CREATE POLICY acquisitions_definer_select ON public.acquisitions FOR SELECT TO agentanchor_definer USING (true);
CREATE POLICY acquisitions_definer_update ON public.acquisitions FOR UPDATE TO agentanchor_definer
    USING (true) WITH CHECK (true);

-- The seller's status moves, and the database's own (active -> sold_out); the Java twin is ListingStatus.mayMoveTo.
CREATE FUNCTION public.listing_may_move(from_status public.listing_status, to_status public.listing_status)
    RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$;
GRANT EXECUTE ON FUNCTION public.listing_may_move(public.listing_status, public.listing_status)
    TO agentanchor_app, agentanchor_definer;
CREATE FUNCTION public.guard_listing_status() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER marketplace_listings_guard_status BEFORE UPDATE OF status ON public.marketplace_listings
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION public.guard_listing_status();
CREATE FUNCTION public.guard_review() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER acquisitions_guard_review BEFORE UPDATE OF rating, review, reviewed_at ON public.acquisitions
    FOR EACH ROW EXECUTE FUNCTION public.guard_review();
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.take_listing_stock() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''
    AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION public.count_review() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ''
    AS $$ BEGIN RETURN NULL; END $$;
CREATE FUNCTION public.count_listing_view(p_listing_id uuid) RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = '' AS $$ SELECT $$;
CREATE FUNCTION public.walk_away(p_acquisition_id uuid, p_reason text) RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = '' AS $$ SELECT $$;
CREATE FUNCTION public.terminate_acquisition(p_acquisition_id uuid, p_reason text) RETURNS void LANGUAGE sql
    SECURITY DEFINER SET search_path = '' AS $$ SELECT $$;
CREATE FUNCTION public.record_acquisition_usage(p_acquisition_id uuid, p_uses integer) RETURNS void LANGUAGE sql
    SECURITY DEFINER SET search_path = '' AS $$ SELECT $$;
REVOKE ALL ON FUNCTION public.take_listing_stock(), public.count_review(), public.count_listing_view(uuid),
    public.walk_away(uuid, text), public.terminate_acquisition(uuid, text),
    public.record_acquisition_usage(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.take_listing_stock(), public.count_review() TO agentanchor_owner;
GRANT EXECUTE ON FUNCTION public.count_listing_view(uuid), public.walk_away(uuid, text),
    public.terminate_acquisition(uuid, text), public.record_acquisition_usage(uuid, integer) TO agentanchor_app;
RESET ROLE;

SET LOCAL ROLE agentanchor_owner;
-- Named to fire after acquisitions_copy_listing_terms (triggers of one event fire in name order): the terms are
-- copied as the consumer saw the listing on sale, then the stock is taken under the listing's row lock.
CREATE TRIGGER acquisitions_take_listing_stock BEFORE INSERT ON public.acquisitions
    FOR EACH ROW EXECUTE FUNCTION public.take_listing_stock();
CREATE TRIGGER acquisitions_count_review AFTER UPDATE OF rating ON public.acquisitions
    FOR EACH ROW WHEN (OLD.rating IS DISTINCT FROM NEW.rating) EXECUTE FUNCTION public.count_review();
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TRIGGER acquisitions_count_review ON public.acquisitions;
--rollback DROP TRIGGER acquisitions_take_listing_stock ON public.acquisitions;
--rollback DROP TRIGGER acquisitions_guard_review ON public.acquisitions;
--rollback DROP TRIGGER marketplace_listings_guard_status ON public.marketplace_listings;
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.record_acquisition_usage(uuid, integer);
--rollback DROP FUNCTION public.terminate_acquisition(uuid, text);
--rollback DROP FUNCTION public.walk_away(uuid, text);
--rollback DROP FUNCTION public.count_listing_view(uuid);
--rollback DROP FUNCTION public.count_review();
--rollback DROP FUNCTION public.take_listing_stock();
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP FUNCTION public.guard_review();
--rollback DROP FUNCTION public.guard_listing_status();
--rollback DROP FUNCTION public.listing_may_move(public.listing_status, public.listing_status);
--rollback DROP POLICY acquisitions_definer_update ON public.acquisitions;
--rollback DROP POLICY acquisitions_definer_select ON public.acquisitions;
--rollback REVOKE SELECT (seller_id, agent_id, status, available_for_commission, available_for_clone, available_for_enterprise, max_clones, current_clones, view_count, review_count, average_rating), UPDATE (status, current_clones, view_count, review_count, average_rating) ON public.marketplace_listings FROM agentanchor_definer;
--rollback REVOKE SELECT (id, listing_id, consumer_id, acquisition_type, status, can_walk_away, commission_rate_at_acquisition, total_usage, rating), UPDATE (status, walk_away_reason, terminated_at, total_usage, total_spent) ON public.acquisitions FROM agentanchor_definer;
--rollback DROP POLICY acquisitions_insert ON public.acquisitions;
--rollback CREATE POLICY acquisitions_insert ON public.acquisitions FOR INSERT TO agentanchor_app
--rollback     WITH CHECK (consumer_id = (SELECT public.current_profile_id())
--rollback                 AND EXISTS (SELECT 1 FROM public.marketplace_listings l
--rollback                              WHERE l.id = acquisitions.listing_id AND l.agent_id = acquisitions.agent_id
--rollback                                AND l.status = 'active')
--rollback                 AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = acquisitions.agent_id AND a.status = 'active'));
--rollback REVOKE INSERT (cloned_agent_id) ON public.acquisitions FROM agentanchor_app;
--rollback DROP POLICY marketplace_listings_select ON public.marketplace_listings;
--rollback CREATE POLICY marketplace_listings_select ON public.marketplace_listings FOR SELECT TO agentanchor_app
--rollback     USING (status = 'active' OR seller_id = (SELECT public.current_profile_id()));
--rollback DROP INDEX public.acquisitions_one_active_enterprise_lock;
--rollback DROP INDEX public.acquisitions_listing_created_idx;
--rollback DROP INDEX public.marketplace_listings_active_popular_idx;
--rollback DROP INDEX public.marketplace_listings_active_newest_idx;
--rollback DROP INDEX public.marketplace_listings_active_rating_idx;
--rollback DROP INDEX public.marketplace_listings_tags_idx;
--rollback DROP INDEX public.marketplace_listings_search_idx;
--rollback ALTER TABLE public.marketplace_listings DROP COLUMN search;
--rollback ALTER TABLE public.acquisitions DROP CONSTRAINT acquisitions_usage_not_negative;
--rollback ALTER TABLE public.marketplace_listings DROP CONSTRAINT marketplace_listings_average_rating_range, DROP CONSTRAINT marketplace_listings_clones_within_max, DROP CONSTRAINT marketplace_listings_terms_not_negative;
--rollback RESET ROLE;
