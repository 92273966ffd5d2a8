--liquibase formatted sql

--changeset agentanchor:observer-events-table splitStatements:false
--comment: observer_events as the origin built it (observer.ts), with two fixes: a gap-free identity `sequence`
-- so the feed has an order that does not depend on clocks, and `flagged` as the boolean it always meant.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.event_severity AS ENUM ('debug', 'info', 'warning', 'error', 'critical');
CREATE TYPE public.event_category AS ENUM ('agent_action', 'user_action', 'council_activity', 'trust_change',
                                           'anomaly', 'system', 'security');

CREATE TABLE public.observer_events (
    id            uuid                  NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    sequence      bigint                NOT NULL GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_type    text                  NOT NULL,
    category      public.event_category NOT NULL,
    severity      public.event_severity NOT NULL DEFAULT 'info',
    subject_type  text                  NOT NULL CHECK (subject_type IN ('agent', 'user', 'decision', 'acquisition')),
    subject_id    uuid                  NOT NULL,
    actor_type    text                           CHECK (actor_type IN ('user', 'agent', 'system')),
    actor_id      uuid,
    title         text                  NOT NULL,
    description   text,
    payload       jsonb                          DEFAULT '{}',
    session_id    text,
    request_id    text,
    ip_address    text,
    user_agent    text,
    anomaly_score integer                        DEFAULT 0,
    flagged       boolean               NOT NULL DEFAULT false,
    created_at    timestamptz           NOT NULL DEFAULT now()
);
CREATE INDEX observer_events_subject_idx ON public.observer_events (subject_type, subject_id);
CREATE INDEX observer_events_actor_idx ON public.observer_events (actor_id);
CREATE INDEX observer_events_category_idx ON public.observer_events (category);
CREATE INDEX observer_events_severity_idx ON public.observer_events (severity);
CREATE INDEX observer_events_created_at_idx ON public.observer_events (created_at);
CREATE INDEX observer_events_type_idx ON public.observer_events (event_type);
CREATE INDEX observer_events_flagged_idx ON public.observer_events (flagged) WHERE flagged;

-- Append-only: the app may add and read, never change or remove.
GRANT SELECT, INSERT ON public.observer_events TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.observer_events;
--rollback DROP TYPE public.event_category;
--rollback DROP TYPE public.event_severity;
--rollback RESET ROLE;
