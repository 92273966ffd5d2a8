--liquibase formatted sql

--changeset agentanchor:agents-function-retire-own-agent runOnChange:true splitStatements:false rollbackSplitStatements:false
--comment: The current text of retire_own_agent(): change it here, and Liquibase applies it again on the next start.
-- The owner's retirement of their agent, the twin of AgentStatus.ownerMayRetire: from any status but retired, once.
-- Definer, because the app role may not write status or retired_at; it checks who acts itself.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.retire_own_agent(p_agent_id uuid) RETURNS public.agent_status
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_previous public.agent_status;
BEGIN
    SELECT a.status INTO v_previous FROM public.agents a
     WHERE a.id = p_agent_id AND a.owner_id = public.current_profile_id() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only its owner retires an agent' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_previous = 'retired' THEN
        RAISE EXCEPTION 'an owner cannot move an agent from % to retired', v_previous
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.agents SET status = 'retired', retired_at = now() WHERE id = p_agent_id;
    RETURN v_previous;
END $$;
REVOKE ALL ON FUNCTION public.retire_own_agent(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.retire_own_agent(uuid) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION IF EXISTS public.retire_own_agent(uuid);
--rollback RESET ROLE;
