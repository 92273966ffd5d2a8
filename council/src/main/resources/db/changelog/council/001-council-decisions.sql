--liquibase formatted sql

--changeset agentanchor:council-decisions-table splitStatements:false
--comment: council_decisions as the origin built it (council.ts), with its defects fixed: risk_level is checked
-- to 0..4 (Minimal, Low, Medium, High, Critical); validator_agent_id, precedent_id and human_override_by get the
-- foreign keys the origin only declared in Drizzle relations (SET NULL: a decision outlives its validator, its
-- precedent and the human who overrode it); and no updated_at trigger, since the table has no updated_at
-- (the origin attached one, so every UPDATE failed).
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.decision_type AS ENUM ('approval', 'rejection', 'modification', 'escalation', 'suspension',
                                          'reinstatement');
CREATE TYPE public.decision_status AS ENUM ('pending', 'approved', 'rejected', 'escalated', 'overridden');

CREATE TABLE public.council_decisions (
    id                    uuid                   NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id              uuid                   NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    decision_type         public.decision_type   NOT NULL,
    status                public.decision_status NOT NULL DEFAULT 'pending',
    risk_level            integer                NOT NULL DEFAULT 0
                              CONSTRAINT council_decisions_risk_level_range CHECK (risk_level BETWEEN 0 AND 4),
    subject_action        text                   NOT NULL,
    subject_context       jsonb                           DEFAULT '{}',
    reasoning             text,
    validator_agent_id    uuid                            REFERENCES public.agents (id) ON DELETE SET NULL,
    votes                 jsonb,
    human_override        boolean                         DEFAULT false,
    human_override_reason text,
    human_override_by     uuid                            REFERENCES public.profiles (id) ON DELETE SET NULL,
    trust_impact          integer                         DEFAULT 0,
    precedent_id          uuid                            REFERENCES public.council_decisions (id) ON DELETE SET NULL,
    created_at            timestamptz            NOT NULL DEFAULT now(),
    decided_at            timestamptz,
    expires_at            timestamptz
);
CREATE INDEX council_decisions_agent_idx ON public.council_decisions (agent_id);
CREATE INDEX council_decisions_status_idx ON public.council_decisions (status);
CREATE INDEX council_decisions_risk_level_idx ON public.council_decisions (risk_level);
CREATE INDEX council_decisions_created_at_idx ON public.council_decisions (created_at);
CREATE INDEX council_decisions_type_idx ON public.council_decisions (decision_type);
CREATE INDEX council_decisions_validator_idx ON public.council_decisions (validator_agent_id);
CREATE INDEX council_decisions_precedent_idx ON public.council_decisions (precedent_id);
CREATE INDEX council_decisions_override_by_idx ON public.council_decisions (human_override_by);

-- Owners ask; the council decides through its own path, so the app may not UPDATE or DELETE decisions.
GRANT SELECT, INSERT ON public.council_decisions TO agentanchor_app;

ALTER TABLE public.council_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.council_decisions FORCE ROW LEVEL SECURITY;
-- Decisions are as visible as their agent: the owner's, and everyone's for active agents.
CREATE POLICY council_decisions_select ON public.council_decisions FOR SELECT TO agentanchor_app
    USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
           OR EXISTS (SELECT 1 FROM public.agents a WHERE a.id = council_decisions.agent_id AND a.status = 'active'));
-- An owner submits a pending request about their own agent.
CREATE POLICY council_decisions_insert ON public.council_decisions FOR INSERT TO agentanchor_app
    WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]) AND status = 'pending');
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.council_decisions;
--rollback DROP TYPE public.decision_status;
--rollback DROP TYPE public.decision_type;
--rollback RESET ROLE;
