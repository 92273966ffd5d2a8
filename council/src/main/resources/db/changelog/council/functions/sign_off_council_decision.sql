--liquibase formatted sql

--changeset agentanchor:council-function-sign-off-council-decision runOnChange:true splitStatements:false
--comment: The current text of sign_off_council_decision(): change it here, and Liquibase applies it again on the
-- next start. CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The human sign-off of an escalated (L4, unanimously approved) request: by a platform admin who neither owns the
-- agent nor voted on it. False when there is no such request; refused otherwise, saying why.
CREATE OR REPLACE FUNCTION public.sign_off_council_decision(p_decision_id uuid, p_reason text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_status public.decision_status;
    v_owner uuid;
    v_votes jsonb;
BEGIN
    IF NOT public.current_user_is_admin() THEN
        RAISE EXCEPTION 'only a platform admin signs off' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT d.status, a.owner_id, d.votes INTO v_status, v_owner, v_votes
      FROM public.council_decisions d JOIN public.agents a ON a.id = d.agent_id
     WHERE d.id = p_decision_id
       FOR UPDATE OF d;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF v_owner = public.current_profile_id() THEN
        RAISE EXCEPTION 'nobody signs off a request about their own agent' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(v_votes -> 'validators', '[]'::jsonb)
           @> jsonb_build_array(jsonb_build_object('validatorId', public.current_profile_id()::text)) THEN
        RAISE EXCEPTION 'a validator who voted does not sign off too' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_status <> 'escalated' THEN
        RAISE EXCEPTION 'the request is %, not waiting for a sign-off', v_status USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.council_decisions
       SET status = 'approved', decided_at = now(), signed_off_by = public.current_profile_id(),
           signed_off_reason = p_reason
     WHERE id = p_decision_id;
    RETURN true;
END $$;
RESET ROLE;
--rollback empty
