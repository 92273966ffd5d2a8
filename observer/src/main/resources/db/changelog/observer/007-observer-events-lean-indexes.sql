--liquibase formatted sql

--changeset agentanchor:observer-events-lean-indexes splitStatements:false
--comment: Every index is paid for on every event written, and agents write events by the thousand. Kept: what a
-- query or a policy walks. The feed walks (tx, sequence) and (subject_id, tx, sequence) and filters category,
-- severity and flagged on the way, so the single-column indexes on category, severity and event_type served no
-- query; the anomaly windows count one agent's recent events, which (subject_id, created_at) serves better than
-- (subject_type, subject_id) or created_at alone did. source_event_id is set only on the platform's own events:
-- the unique index now holds only those, so an agent's reports add no entry to it.
SET LOCAL ROLE agentanchor_owner;
DROP INDEX public.observer_events_category_idx;
DROP INDEX public.observer_events_severity_idx;
DROP INDEX public.observer_events_type_idx;
DROP INDEX public.observer_events_subject_idx;
DROP INDEX public.observer_events_created_at_idx;
CREATE INDEX observer_events_subject_recent_idx ON public.observer_events (subject_id, created_at);
DROP INDEX public.observer_events_source_event_idx;
CREATE UNIQUE INDEX observer_events_source_event_idx ON public.observer_events (source_event_id)
    WHERE source_event_id IS NOT NULL;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP INDEX public.observer_events_source_event_idx;
--rollback CREATE UNIQUE INDEX observer_events_source_event_idx ON public.observer_events (source_event_id);
--rollback DROP INDEX public.observer_events_subject_recent_idx;
--rollback CREATE INDEX observer_events_created_at_idx ON public.observer_events (created_at);
--rollback CREATE INDEX observer_events_subject_idx ON public.observer_events (subject_type, subject_id);
--rollback CREATE INDEX observer_events_type_idx ON public.observer_events (event_type);
--rollback CREATE INDEX observer_events_severity_idx ON public.observer_events (severity);
--rollback CREATE INDEX observer_events_category_idx ON public.observer_events (category);
--rollback RESET ROLE;
