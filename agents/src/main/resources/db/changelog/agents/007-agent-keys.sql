--liquibase formatted sql

--changeset agentanchor:agent-keys splitStatements:false
--comment: Agents' own API keys. Only a SHA-256 of each key is kept (a key is 256 random bits, so a fast hash is
-- enough: there is nothing to guess); the key itself is shown once, when it is created. The owner creates, lists
-- and revokes an agent's keys; nobody reads a hash back (no column grant); a key is looked up only through
-- authenticate_agent_key(), before anyone is known to act.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.agent_keys (
    id           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id     uuid        NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_hash     bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    key_prefix   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX agent_keys_agent_idx ON public.agent_keys (agent_id, created_at);

GRANT SELECT (id, agent_id, name, key_prefix, created_at, last_used_at, revoked_at),
      INSERT (agent_id, name, key_hash, key_prefix),
      UPDATE (revoked_at)
    ON public.agent_keys TO agentanchor_app;
GRANT SELECT (id, agent_id, key_hash, revoked_at, last_used_at), UPDATE (last_used_at)
    ON public.agent_keys TO agentanchor_definer;

ALTER TABLE public.agent_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.agent_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_keys_owner ON public.agent_keys FOR ALL TO agentanchor_app
    USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]))
    WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
-- A revoked key stays revoked: an owner may revoke, never revive.
CREATE POLICY agent_keys_revoked_stays ON public.agent_keys AS RESTRICTIVE FOR UPDATE TO agentanchor_app
    USING (revoked_at IS NULL) WITH CHECK (revoked_at IS NOT NULL);
CREATE POLICY agent_keys_definer ON public.agent_keys FOR ALL TO agentanchor_definer USING (true) WITH CHECK (true);

-- An agent acting as itself sees its own row (its status and trust decide what it may do alone).
CREATE POLICY agents_select_self ON public.agents FOR SELECT TO agentanchor_app
    USING (id = (SELECT public.current_agent_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY agents_select_self ON public.agents;
--rollback DROP TABLE public.agent_keys;
--rollback RESET ROLE;
