--liquibase formatted sql

--changeset agentanchor:observer-events-agent-reports splitStatements:false
--comment: Agents report what they did, as themselves (app.current_agent_id). A report carries its outcome, when it
-- happened by the agent's clock, and an idempotency key that makes a retried report a no-op. `tx` is the writing
-- transaction's id: the feed is read in (tx, sequence) order, only up to the oldest transaction still running, so
-- a reader that follows its cursor never skips an event whose sequence number was drawn before a later one
-- committed (sequence numbers are taken before commit, in no particular commit order).
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.observer_events
    ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    ADD COLUMN outcome         text CHECK (outcome IN ('success', 'failure')),
    ADD COLUMN occurred_at     timestamptz,
    ADD COLUMN tx              xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE UNIQUE INDEX observer_events_idempotency_idx ON public.observer_events (actor_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX observer_events_feed_idx ON public.observer_events (tx, sequence);
CREATE INDEX observer_events_subject_feed_idx ON public.observer_events (subject_id, tx, sequence);

-- Where an event sits in the log (id, sequence, tx, created_at) is the database's to say, not the writer's.
REVOKE INSERT ON public.observer_events FROM agentanchor_app;
GRANT INSERT (source_event_id, event_type, category, severity, subject_type, subject_id, actor_type, actor_id, title,
              description, payload, session_id, request_id, ip_address, user_agent, anomaly_score, flagged,
              idempotency_key, outcome, occurred_at)
    ON public.observer_events TO agentanchor_app;

-- Users (and work acting for nobody) write as before; an agent writes only about itself, as itself. Nobody else
-- may claim to be an agent.
DROP POLICY observer_events_insert ON public.observer_events;
CREATE POLICY observer_events_insert ON public.observer_events FOR INSERT TO agentanchor_app
    WITH CHECK (
        ((SELECT public.current_agent_id()) IS NULL
            AND actor_type IS DISTINCT FROM 'agent'
            AND actor_id IS NOT DISTINCT FROM (SELECT public.current_profile_id()))
        OR (actor_type = 'agent' AND actor_id = (SELECT public.current_agent_id())
            AND subject_type = 'agent' AND subject_id = (SELECT public.current_agent_id()))
    );
CREATE POLICY observer_events_select_agent_self ON public.observer_events FOR SELECT TO agentanchor_app
    USING (subject_type = 'agent' AND subject_id = (SELECT public.current_agent_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY observer_events_select_agent_self ON public.observer_events;
--rollback DROP POLICY observer_events_insert ON public.observer_events;
--rollback CREATE POLICY observer_events_insert ON public.observer_events FOR INSERT TO agentanchor_app WITH CHECK (actor_id IS NOT DISTINCT FROM (SELECT public.current_profile_id()));
--rollback REVOKE INSERT ON public.observer_events FROM agentanchor_app;
--rollback GRANT INSERT ON public.observer_events TO agentanchor_app;
--rollback DROP INDEX public.observer_events_subject_feed_idx;
--rollback DROP INDEX public.observer_events_feed_idx;
--rollback DROP INDEX public.observer_events_idempotency_idx;
--rollback ALTER TABLE public.observer_events DROP COLUMN tx, DROP COLUMN occurred_at, DROP COLUMN outcome, DROP COLUMN idempotency_key;
--rollback RESET ROLE;
