--liquibase formatted sql

--changeset agentanchor:observer-events-source-event splitStatements:false
--comment: Events reach the observer at least once (the publication registry retries); the id of the event an
-- observation came from makes a redelivery a no-op instead of a second row.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.observer_events ADD COLUMN source_event_id uuid;
CREATE UNIQUE INDEX observer_events_source_event_idx ON public.observer_events (source_event_id);
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback ALTER TABLE public.observer_events DROP COLUMN source_event_id;
--rollback RESET ROLE;
