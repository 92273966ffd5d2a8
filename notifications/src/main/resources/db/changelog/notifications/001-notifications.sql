--liquibase formatted sql

--changeset agentanchor:notifications-table splitStatements:false
--comment: Each user's in-app inbox. The origin only pushed notifications over Pusher, so a user who was not
-- connected never saw them; here each is a row of its recipient's. A notification is written by the listener acting
-- as its recipient, once per event (its id is derived from the event's, so a redelivered event adds nothing), and
-- afterwards only its read_at changes: the app role may INSERT, SELECT and UPDATE (read_at) the recipient's own
-- rows, and nothing else; nobody deletes through the app.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.notifications (
    id           uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    recipient_id uuid        NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind ~ '^[a-z_]+(\.[a-z_]+)*$' AND length(kind) <= 100),
    type         text        NOT NULL CHECK (type IN ('info', 'success', 'warning', 'error')),
    title        text        NOT NULL CHECK (length(title) <= 500),
    message      text        CHECK (length(message) <= 5000),
    action_url   text        CHECK (length(action_url) <= 2048),
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);
-- The inbox: a recipient's newest first, keyset on (created_at, id); and the unread count.
CREATE INDEX notifications_recipient_idx ON public.notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON public.notifications (recipient_id) WHERE read_at IS NULL;

GRANT SELECT, INSERT (id, recipient_id, kind, type, title, message, action_url, created_at), UPDATE (read_at)
    ON public.notifications TO agentanchor_app;

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_select_own ON public.notifications FOR SELECT TO agentanchor_app
    USING (recipient_id = (SELECT public.current_profile_id()));
CREATE POLICY notifications_insert_own ON public.notifications FOR INSERT TO agentanchor_app
    WITH CHECK (recipient_id = (SELECT public.current_profile_id()));
CREATE POLICY notifications_update_own ON public.notifications FOR UPDATE TO agentanchor_app
    USING (recipient_id = (SELECT public.current_profile_id()))
    WITH CHECK (recipient_id = (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.notifications;
--rollback RESET ROLE;
