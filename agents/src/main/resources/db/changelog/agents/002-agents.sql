--liquibase formatted sql

--changeset agentanchor:agents-table splitStatements:false
--comment: agents as the origin built it (agents.ts), with indexes fitted to what RLS and the web app ask most:
-- the caller's agents newest first (owner_id, created_at DESC, id DESC), which also serves every owner_id lookup
-- and so replaces the origin's agents_owner_idx (a redundant index only costs writes and misleads the planner
-- into bitmap scans plus a sort), active agents newest first, and everything newest first.
SET LOCAL ROLE agentanchor_owner;
CREATE TYPE public.agent_status AS ENUM ('draft', 'training', 'examination', 'active', 'suspended', 'retired');

CREATE TABLE public.agents (
    id                      uuid                NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    owner_id                uuid                NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    name                    text                NOT NULL,
    description             text,
    system_prompt           text,
    model                   text                NOT NULL DEFAULT 'claude-3-5-sonnet-20241022',
    status                  public.agent_status NOT NULL DEFAULT 'draft',
    trust_score             integer             NOT NULL DEFAULT 100,
    config                  jsonb                        DEFAULT '{}',
    metadata                jsonb                        DEFAULT '{}',
    total_interactions      integer             NOT NULL DEFAULT 0,
    successful_interactions integer             NOT NULL DEFAULT 0,
    created_at              timestamptz         NOT NULL DEFAULT now(),
    updated_at              timestamptz         NOT NULL DEFAULT now(),
    graduated_at            timestamptz,
    retired_at              timestamptz
);
CREATE INDEX agents_status_idx ON public.agents (status);
CREATE INDEX agents_trust_score_idx ON public.agents (trust_score);
CREATE INDEX agents_name_idx ON public.agents (name);
CREATE INDEX agents_owner_created_idx ON public.agents (owner_id, created_at DESC, id DESC);
CREATE INDEX agents_active_created_idx ON public.agents (created_at DESC, id DESC) WHERE status = 'active';
CREATE INDEX agents_created_idx ON public.agents (created_at DESC, id DESC);

CREATE TRIGGER update_agents_updated_at BEFORE UPDATE ON public.agents
    FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE TRIGGER enforce_agents_trust_score BEFORE INSERT OR UPDATE OF trust_score ON public.agents
    FOR EACH ROW EXECUTE FUNCTION public.clamp_trust_score();

GRANT SELECT, INSERT, UPDATE, DELETE ON public.agents TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.agents;
--rollback DROP TYPE public.agent_status;
--rollback RESET ROLE;
