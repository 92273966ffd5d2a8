--liquibase formatted sql

--changeset agentanchor:notifications-webhooks splitStatements:false
--comment: Signed webhooks (Standard Webhooks). webhook_secrets holds each profile's signing secret: it must be kept
-- to sign, but it is shown once, so the app role has no privilege on the table at all. It is written only by
-- set_webhook_secret() (for the acting profile) and read only by claim_webhook_deliveries(), which hands the worker
-- the secret of a delivery it is about to send, both definer functions of agentanchor_definer.
-- webhook_deliveries is the outbox: one row per notification to POST, written in the notification's transaction
-- by the listener acting as the recipient (who may also read their own rows' progress); the worker claims due rows
-- and records each attempt only through the definer functions, so the app role never updates or deletes a row.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.webhook_secrets (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    profile_id uuid        NOT NULL UNIQUE REFERENCES public.profiles (id) ON DELETE CASCADE,
    secret     text        NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]{32,}={0,2}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE public.webhook_secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.webhook_secrets FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON public.webhook_secrets TO agentanchor_definer;
CREATE POLICY webhook_secrets_definer ON public.webhook_secrets FOR ALL TO agentanchor_definer
    USING (true) WITH CHECK (true);

CREATE TABLE public.webhook_deliveries (
    -- the Standard Webhooks message id (webhook-id): the notification's id, the same on every attempt
    id              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    recipient_id    uuid        NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    url             text        NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2048),
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'delivered', 'failed', 'refused')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
-- What the worker looks for: pending rows by when they are due.
CREATE INDEX webhook_deliveries_due_idx ON public.webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_recipient_idx ON public.webhook_deliveries (recipient_id, created_at DESC);

GRANT SELECT (id, recipient_id, url, status, attempts, next_attempt_at, last_attempt_at, last_error, created_at,
              delivered_at),
      INSERT (id, recipient_id, url, payload)
    ON public.webhook_deliveries TO agentanchor_app;
GRANT SELECT, UPDATE (status, attempts, next_attempt_at, last_attempt_at, last_error, delivered_at)
    ON public.webhook_deliveries TO agentanchor_definer;

ALTER TABLE public.webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_deliveries_select_own ON public.webhook_deliveries FOR SELECT TO agentanchor_app
    USING (recipient_id = (SELECT public.current_profile_id()));
CREATE POLICY webhook_deliveries_insert_own ON public.webhook_deliveries FOR INSERT TO agentanchor_app
    WITH CHECK (recipient_id = (SELECT public.current_profile_id()));
CREATE POLICY webhook_deliveries_definer ON public.webhook_deliveries FOR ALL TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.webhook_deliveries;
--rollback DROP TABLE public.webhook_secrets;
--rollback RESET ROLE;
