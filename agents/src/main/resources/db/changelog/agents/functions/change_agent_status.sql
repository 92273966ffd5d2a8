--liquibase formatted sql

--changeset agentanchor:agents-function-change-agent-status runOnChange:true splitStatements:false
--comment: The current text of change_agent_status(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 006-agent-governance.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Moves an agent to another status as the council may, and returns the one it had: suspend it, lift a
-- suspension, or close an examination (graduate, train again, or start over as a draft). Graduation stamps graduated_at once.
CREATE OR REPLACE FUNCTION public.change_agent_status(p_agent_id uuid, p_status public.agent_status)
    RETURNS public.agent_status
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_previous public.agent_status;
BEGIN
    IF NOT public.may_govern_agent(p_agent_id) THEN
        RAISE EXCEPTION 'only a validator may change the status of another trainer''s agent'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.status INTO v_previous FROM public.agents a WHERE a.id = p_agent_id FOR UPDATE;
    IF NOT ((p_status = 'suspended' AND v_previous NOT IN ('suspended', 'retired'))
            OR (v_previous = 'suspended' AND p_status IN ('active', 'draft'))
            OR (v_previous = 'examination' AND p_status IN ('active', 'training', 'draft'))) THEN
        RAISE EXCEPTION 'the council cannot move an agent from % to %', v_previous, p_status
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.agents
       SET status = p_status,
           graduated_at = CASE WHEN p_status = 'active' THEN coalesce(graduated_at, now()) ELSE graduated_at END
     WHERE id = p_agent_id;
    RETURN v_previous;
END $$;
RESET ROLE;
--rollback empty
