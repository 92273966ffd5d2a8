--liquibase formatted sql

--changeset agentanchor:agents-function-apply-trust-change runOnChange:true splitStatements:false
--comment: The current text of apply_trust_change(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 006-agent-governance.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.apply_trust_change(p_agent_id uuid, p_change integer, p_source public.trust_source,
                                                     p_reason text, p_reference_id uuid, p_reference_type text)
    RETURNS public.trust_history
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_previous integer;
    v_status   public.agent_status;
    v_new      integer;
    v_row      public.trust_history;
BEGIN
    IF NOT public.may_govern_agent(p_agent_id) THEN
        RAISE EXCEPTION 'only a validator may change the trust of another trainer''s agent'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.trust_score, a.status INTO v_previous, v_status FROM public.agents a WHERE a.id = p_agent_id FOR UPDATE;
    -- Read under the row lock: a verdict whose vote raced the agent's retirement (before its pending requests
    -- lapsed) finds it retired here, whatever it read before.
    IF v_status = 'retired' THEN
        RAISE EXCEPTION 'agent % is retired: its trust no longer moves', p_agent_id USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.agents SET trust_score = v_previous + p_change WHERE id = p_agent_id
        RETURNING trust_score INTO v_new;
    INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason, reference_id,
                                      reference_type)
    VALUES (p_agent_id, v_previous, v_new, v_new - v_previous, p_source, p_reason, p_reference_id, p_reference_type)
    RETURNING * INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
