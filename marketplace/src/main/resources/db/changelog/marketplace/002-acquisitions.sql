--liquibase formatted sql

--changeset agentanchor:marketplace-acquisitions-table splitStatements:false
--comment: acquisitions as the origin built it (marketplace.ts), with its defects fixed: rating is checked to 1..5,
-- and cloned_agent_id becomes SET NULL (the origin's NO ACTION made a clone undeletable while its acquisition
-- existed). listing_id keeps NO ACTION on purpose: a listing with acquisitions retires by status, not by DELETE.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.acquisition_type AS ENUM ('commission', 'clone', 'enterprise_lock');
CREATE TYPE public.acquisition_status AS ENUM ('active', 'suspended', 'terminated', 'expired');

CREATE TABLE public.acquisitions (
    id                             uuid                      NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    listing_id                     uuid                      NOT NULL REFERENCES public.marketplace_listings (id),
    agent_id                       uuid                      NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    consumer_id                    uuid                      NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    acquisition_type               public.acquisition_type   NOT NULL,
    status                         public.acquisition_status NOT NULL DEFAULT 'active',
    cloned_agent_id                uuid                               REFERENCES public.agents (id) ON DELETE SET NULL,
    price_at_acquisition           numeric(10, 2),
    commission_rate_at_acquisition numeric(10, 4),
    total_usage                    integer                            DEFAULT 0,
    total_spent                    numeric(10, 2)                     DEFAULT 0,
    can_walk_away                  boolean                            DEFAULT true,
    walk_away_reason               text,
    rating                         integer CONSTRAINT acquisitions_rating_range CHECK (rating BETWEEN 1 AND 5),
    review                         text,
    reviewed_at                    timestamptz,
    created_at                     timestamptz               NOT NULL DEFAULT now(),
    updated_at                     timestamptz               NOT NULL DEFAULT now(),
    expires_at                     timestamptz,
    terminated_at                  timestamptz
);
CREATE INDEX acquisitions_listing_idx ON public.acquisitions (listing_id);
CREATE INDEX acquisitions_agent_idx ON public.acquisitions (agent_id);
CREATE INDEX acquisitions_consumer_idx ON public.acquisitions (consumer_id);
CREATE INDEX acquisitions_status_idx ON public.acquisitions (status);
CREATE INDEX acquisitions_type_idx ON public.acquisitions (acquisition_type);
CREATE INDEX acquisitions_created_at_idx ON public.acquisitions (created_at);
CREATE INDEX acquisitions_cloned_agent_idx ON public.acquisitions (cloned_agent_id);

CREATE TRIGGER update_acquisitions_updated_at BEFORE UPDATE ON public.acquisitions
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

-- Acquisitions end by status (terminated, expired), never by DELETE.
GRANT SELECT, INSERT, UPDATE ON public.acquisitions TO agentanchor_app;

ALTER TABLE public.acquisitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.acquisitions FORCE ROW LEVEL SECURITY;
-- The consumer sees their acquisitions; the agent's owner sees who acquired their agents.
CREATE POLICY acquisitions_select ON public.acquisitions FOR SELECT TO agentanchor_app
    USING (consumer_id = (SELECT public.current_profile_id()) OR agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
-- A consumer acquires for themselves, through a listing they can see that is active, for the agent it lists.
CREATE POLICY acquisitions_insert ON public.acquisitions FOR INSERT TO agentanchor_app
    WITH CHECK (consumer_id = (SELECT public.current_profile_id())
                AND EXISTS (SELECT 1 FROM public.marketplace_listings l
                             WHERE l.id = acquisitions.listing_id AND l.agent_id = acquisitions.agent_id
                               AND l.status = 'active'));
-- The consumer changes their own (a review, walking away), and cannot hand it to someone else.
CREATE POLICY acquisitions_update ON public.acquisitions FOR UPDATE TO agentanchor_app
    USING (consumer_id = (SELECT public.current_profile_id()))
    WITH CHECK (consumer_id = (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.acquisitions;
--rollback DROP TYPE public.acquisition_status;
--rollback DROP TYPE public.acquisition_type;
--rollback RESET ROLE;
