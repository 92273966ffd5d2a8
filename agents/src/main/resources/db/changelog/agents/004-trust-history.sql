--liquibase formatted sql

--changeset agentanchor:agents-trust-history splitStatements:false
--comment: trust_history as the origin built it (agents.ts). Rows are written only by apply_trust_change(),
-- which moves the score and records why in one statement: no direct INSERT, UPDATE or DELETE for the app.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.trust_source AS ENUM ('council_decision', 'behavior_analysis', 'user_feedback', 'examination',
                                         'decay', 'manual_adjustment');

CREATE TABLE public.trust_history (
    id             uuid                NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id       uuid                NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    previous_score integer             NOT NULL,
    new_score      integer             NOT NULL,
    change         integer             NOT NULL,
    source         public.trust_source NOT NULL,
    reason         text,
    reference_id   uuid,
    reference_type text,
    metadata       jsonb                        DEFAULT '{}',
    created_at     timestamptz         NOT NULL DEFAULT now()
);
CREATE INDEX trust_history_agent_idx ON public.trust_history (agent_id);
CREATE INDEX trust_history_created_at_idx ON public.trust_history (created_at);
CREATE INDEX trust_history_source_idx ON public.trust_history (source);
CREATE INDEX trust_history_agent_created_idx ON public.trust_history (agent_id, created_at DESC);

GRANT SELECT ON public.trust_history TO agentanchor_app;
GRANT SELECT, INSERT ON public.trust_history TO agentanchor_definer;
GRANT SELECT, UPDATE (trust_score) ON public.agents TO agentanchor_definer;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback REVOKE SELECT, UPDATE (trust_score) ON public.agents FROM agentanchor_definer;
--rollback DROP TABLE public.trust_history;
--rollback DROP TYPE public.trust_source;
--rollback RESET ROLE;
