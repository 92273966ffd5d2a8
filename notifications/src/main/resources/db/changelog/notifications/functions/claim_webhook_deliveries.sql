--liquibase formatted sql

--changeset agentanchor:notifications-function-claim-webhook-deliveries runOnChange:true splitStatements:false
--comment: The current text of claim_webhook_deliveries(): change it here, and Liquibase applies it again on the next start.
-- Leases up to p_limit due deliveries to the calling worker: counts the attempt and pushes next_attempt_at past
-- the lease, in one short statement, so no transaction stays open while the worker talks HTTP. Rows another
-- instance is claiming are skipped (SKIP LOCKED), so several instances never take the same row; a worker that dies
-- mid-lease leaves the row due again when the lease ends (at least once). Returns the recipient's signing secret
-- (NULL when they have none yet), the one path by which a secret leaves the database.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.claim_webhook_deliveries(p_limit integer, p_lease interval)
    RETURNS TABLE (id uuid, url text, payload text, attempts integer, secret text)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
    WITH due AS (
        SELECT d.id FROM public.webhook_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= pg_catalog.now()
         ORDER BY d.next_attempt_at
         LIMIT p_limit
         FOR UPDATE SKIP LOCKED
    ), leased AS (
        UPDATE public.webhook_deliveries d
           SET attempts = d.attempts + 1, next_attempt_at = pg_catalog.now() + p_lease
          FROM due
         WHERE d.id = due.id
        RETURNING d.id, d.url, d.payload, d.attempts, d.recipient_id
    )
    SELECT l.id, l.url, l.payload, l.attempts, s.secret
      FROM leased l LEFT JOIN public.webhook_secrets s ON s.profile_id = l.recipient_id
$$;
REVOKE ALL ON FUNCTION public.claim_webhook_deliveries(integer, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.claim_webhook_deliveries(integer, interval) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.claim_webhook_deliveries(integer, interval);
--rollback RESET ROLE;
