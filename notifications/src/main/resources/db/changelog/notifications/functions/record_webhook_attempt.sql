--liquibase formatted sql

--changeset agentanchor:notifications-function-record-webhook-attempt runOnChange:true splitStatements:false
--comment: The current text of record_webhook_attempt(): change it here, and Liquibase applies it again on the next start.
-- The outcome of attempt p_attempt of a delivery: delivered, refused or failed for good, or pending again after
-- p_retry_in. Only the worker holding that attempt's lease records it (attempts still p_attempt, still pending):
-- a worker whose lease ran out and was overtaken changes nothing. Returns whether it recorded.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.record_webhook_attempt(p_id uuid, p_attempt integer, p_status text,
        p_error text, p_retry_in interval) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
BEGIN
    IF p_status NOT IN ('pending', 'delivered', 'failed', 'refused') THEN
        RAISE EXCEPTION 'not a delivery status: %', p_status USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE public.webhook_deliveries d
       SET status = p_status,
           last_error = pg_catalog.left(p_error, 1000),
           last_attempt_at = pg_catalog.now(),
           next_attempt_at = CASE WHEN p_status = 'pending'
                                  THEN pg_catalog.now() + COALESCE(p_retry_in, interval '0')
                                  ELSE d.next_attempt_at END,
           delivered_at = CASE WHEN p_status = 'delivered' THEN pg_catalog.now() END
     WHERE d.id = p_id AND d.attempts = p_attempt AND d.status = 'pending';
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION public.record_webhook_attempt(uuid, integer, text, text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.record_webhook_attempt(uuid, integer, text, text, interval) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.record_webhook_attempt(uuid, integer, text, text, interval);
--rollback RESET ROLE;
