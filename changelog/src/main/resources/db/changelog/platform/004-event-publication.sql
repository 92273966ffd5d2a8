--liquibase formatted sql

--changeset agentanchor:platform-event-publication splitStatements:false
--comment: Spring Modulith 2.0's JDBC event publication registry (v2 schema for PostgreSQL), owned here rather
-- than created by Modulith (its schema initialization is off and, in 2.0.x, unordered against Liquibase).
-- Rows carry no user: the registry is written in business transactions and completed from listener threads with
-- no acting user. RLS is still forced, with one open policy for the app role, so no table the app reaches is
-- left without it.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
CREATE INDEX event_publication_serialized_event_hash_idx ON public.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON public.event_publication (completion_date);
CREATE INDEX event_publication_incomplete_idx ON public.event_publication (publication_date) WHERE completion_date IS NULL;
GRANT SELECT, INSERT, UPDATE, DELETE ON public.event_publication TO agentanchor_app;
ALTER TABLE public.event_publication ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.event_publication FORCE ROW LEVEL SECURITY;
CREATE POLICY event_publication_registry ON public.event_publication TO agentanchor_app USING (true) WITH CHECK (true);
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.event_publication;
--rollback RESET ROLE;
