--liquibase formatted sql

--changeset agentanchor:academy-progress-table splitStatements:false
--comment: academy_progress as the origin built it (academy.ts). Only the agent's owner sees or changes it.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.academy_status AS ENUM ('enrolled', 'in_progress', 'examination', 'passed', 'failed', 'withdrawn');
CREATE TYPE public.curriculum_type AS ENUM ('basic_training', 'specialized', 'advanced', 'certification', 'remedial');

CREATE TABLE public.academy_progress (
    id                     uuid                   NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id               uuid                   NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    curriculum_type        public.curriculum_type NOT NULL,
    curriculum_version     text                            DEFAULT '1.0',
    status                 public.academy_status  NOT NULL DEFAULT 'enrolled',
    current_module         integer                         DEFAULT 1,
    total_modules          integer                         DEFAULT 5,
    completed_modules      jsonb                           DEFAULT '[]',
    module_scores          jsonb                           DEFAULT '{}',
    overall_score          numeric(5, 2),
    examination_attempts   integer                         DEFAULT 0,
    last_examination_score numeric(5, 2),
    examination_history    jsonb                           DEFAULT '[]',
    training_config        jsonb                           DEFAULT '{}',
    enrolled_at            timestamptz            NOT NULL DEFAULT now(),
    started_at             timestamptz,
    completed_at           timestamptz,
    graduated_at           timestamptz,
    updated_at             timestamptz            NOT NULL DEFAULT now()
);
CREATE INDEX academy_progress_agent_idx ON public.academy_progress (agent_id);
CREATE INDEX academy_progress_status_idx ON public.academy_progress (status);
CREATE INDEX academy_progress_curriculum_idx ON public.academy_progress (curriculum_type);
CREATE INDEX academy_progress_enrolled_idx ON public.academy_progress (enrolled_at);

CREATE TRIGGER update_academy_progress_updated_at BEFORE UPDATE ON public.academy_progress
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

GRANT SELECT, INSERT, UPDATE, DELETE ON public.academy_progress TO agentanchor_app;

ALTER TABLE public.academy_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.academy_progress FORCE ROW LEVEL SECURITY;
CREATE POLICY academy_progress_owner ON public.academy_progress TO agentanchor_app
    USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]))
    WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.academy_progress;
--rollback DROP TYPE public.curriculum_type;
--rollback DROP TYPE public.academy_status;
--rollback RESET ROLE;
