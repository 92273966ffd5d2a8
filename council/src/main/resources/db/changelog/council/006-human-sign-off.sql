--liquibase formatted sql

--changeset agentanchor:council-human-sign-off splitStatements:false rollbackSplitStatements:false
--comment: L4, critical (origin architecture §3.3): "unanimous + human". Four validators' unanimous approval leaves
-- the request escalated; it is approved only when a platform admin who neither owns the agent nor voted on it signs
-- it off, with a reason, through sign_off_council_decision() (functions/). Escalated requests expire like pending.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.council_decisions
    ADD COLUMN signed_off_by uuid REFERENCES public.profiles (id) ON DELETE SET NULL,
    ADD COLUMN signed_off_reason text;
GRANT UPDATE (signed_off_by, signed_off_reason) ON public.council_decisions TO agentanchor_definer;
-- Admins oversee the council: they read every request (a critical one may be about a draft they cannot see).
CREATE POLICY council_decisions_select_admins ON public.council_decisions FOR SELECT TO agentanchor_app
    USING ((SELECT public.current_user_is_admin()));
RESET ROLE;
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.sign_off_council_decision(p_decision_id uuid, p_reason text) RETURNS boolean
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT false $$;
REVOKE ALL ON FUNCTION public.sign_off_council_decision(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.sign_off_council_decision(uuid, text) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.sign_off_council_decision(uuid, text);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY council_decisions_select_admins ON public.council_decisions;
--rollback REVOKE UPDATE (signed_off_by, signed_off_reason) ON public.council_decisions FROM agentanchor_definer;
--rollback ALTER TABLE public.council_decisions DROP COLUMN signed_off_reason, DROP COLUMN signed_off_by;
--rollback RESET ROLE;
