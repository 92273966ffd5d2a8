--liquibase formatted sql

--changeset agentanchor:agents-function-advance-own-agent runOnChange:true splitStatements:false
--comment: The current text of advance_own_agent(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 006-agent-governance.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The steps an owner takes alone: a draft goes into training, a trained agent sits its examination.
CREATE OR REPLACE FUNCTION public.advance_own_agent(p_agent_id uuid, p_status public.agent_status)
    RETURNS public.agent_status
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_previous public.agent_status;
BEGIN
    SELECT a.status INTO v_previous FROM public.agents a
     WHERE a.id = p_agent_id AND a.owner_id = public.current_profile_id() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only its owner advances an agent' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT ((v_previous = 'draft' AND p_status = 'training') OR (v_previous = 'training' AND p_status = 'examination'))
    THEN
        RAISE EXCEPTION 'an owner cannot move an agent from % to %', v_previous, p_status
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.agents SET status = p_status WHERE id = p_agent_id;
    RETURN v_previous;
END $$;
RESET ROLE;
--rollback empty
