--liquibase formatted sql

--changeset agentanchor:agents-governance splitStatements:false rollbackSplitStatements:false
--comment: An owner edits what they built, not what the platform judges. Status, trust and the interaction counters
-- change only through definer functions, and only by someone the database can tell may: a council validator
-- acting on another trainer's agent, or the owner taking the academy's first steps (draft, training, examination).
-- Before this, the app role held table-wide INSERT and UPDATE, so an owner's session could have raised its own
-- agent's trust or made a draft active with one statement.
SET LOCAL ROLE agentanchor_owner;
REVOKE INSERT, UPDATE ON public.agents FROM agentanchor_app;
GRANT INSERT (id, owner_id, name, description, system_prompt, model, config, metadata) ON public.agents
    TO agentanchor_app;
GRANT UPDATE (name, description, system_prompt, model, config, metadata) ON public.agents TO agentanchor_app;
GRANT UPDATE (status, graduated_at) ON public.agents TO agentanchor_definer;
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- May the acting user govern this agent: a validator, and not its owner (nobody judges their own agent).
CREATE FUNCTION public.may_govern_agent(p_agent_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ''
AS $$
    SELECT public.is_validator()
       AND EXISTS (SELECT 1 FROM public.agents a
                    WHERE a.id = p_agent_id AND a.owner_id IS DISTINCT FROM public.current_profile_id())
$$;

-- What a validator needs to judge an agent that may be a draft (which agents' policies hide from them): no
-- prompt, no configuration. No row when the acting user may not govern it.
CREATE FUNCTION public.agent_under_review(p_agent_id uuid)
    RETURNS TABLE (owner_id uuid, name text, status public.agent_status, trust_score integer, graduated boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ''
AS $$
    SELECT a.owner_id, a.name, a.status, a.trust_score, a.graduated_at IS NOT NULL
      FROM public.agents a
     WHERE a.id = p_agent_id AND public.may_govern_agent(p_agent_id)
$$;

CREATE OR REPLACE FUNCTION public.apply_trust_change(p_agent_id uuid, p_change integer, p_source public.trust_source,
                                                     p_reason text, p_reference_id uuid, p_reference_type text)
    RETURNS public.trust_history
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_previous integer;
    v_new      integer;
    v_row      public.trust_history;
BEGIN
    IF NOT public.may_govern_agent(p_agent_id) THEN
        RAISE EXCEPTION 'only a validator may change the trust of another trainer''s agent'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.trust_score INTO v_previous FROM public.agents a WHERE a.id = p_agent_id FOR UPDATE;
    UPDATE public.agents SET trust_score = v_previous + p_change WHERE id = p_agent_id
        RETURNING trust_score INTO v_new;
    INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason, reference_id,
                                      reference_type)
    VALUES (p_agent_id, v_previous, v_new, v_new - v_previous, p_source, p_reason, p_reference_id, p_reference_type)
    RETURNING * INTO v_row;
    RETURN v_row;
END $$;

-- Moves an agent to another status as the council may, and returns the one it had: suspend it, lift a
-- suspension, or close an examination (graduate, train again, or start over as a draft). Graduation stamps graduated_at once.
CREATE FUNCTION public.change_agent_status(p_agent_id uuid, p_status public.agent_status)
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

-- The steps an owner takes alone: a draft goes into training, a trained agent sits its examination.
CREATE FUNCTION public.advance_own_agent(p_agent_id uuid, p_status public.agent_status)
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
REVOKE ALL ON FUNCTION public.may_govern_agent(uuid), public.agent_under_review(uuid),
    public.change_agent_status(uuid, public.agent_status), public.advance_own_agent(uuid, public.agent_status)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.agent_under_review(uuid), public.change_agent_status(uuid, public.agent_status),
    public.advance_own_agent(uuid, public.agent_status) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.advance_own_agent(uuid, public.agent_status);
--rollback DROP FUNCTION public.change_agent_status(uuid, public.agent_status);
--rollback CREATE OR REPLACE FUNCTION public.apply_trust_change(p_agent_id uuid, p_change integer, p_source public.trust_source, p_reason text, p_reference_id uuid, p_reference_type text) RETURNS public.trust_history LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ DECLARE v_previous integer; v_new integer; v_row public.trust_history; BEGIN SELECT a.trust_score INTO v_previous FROM public.agents a WHERE a.id = p_agent_id FOR UPDATE; IF NOT FOUND THEN RAISE EXCEPTION 'no agent %', p_agent_id USING ERRCODE = 'no_data_found'; END IF; UPDATE public.agents SET trust_score = v_previous + p_change WHERE id = p_agent_id RETURNING trust_score INTO v_new; INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason, reference_id, reference_type) VALUES (p_agent_id, v_previous, v_new, v_new - v_previous, p_source, p_reason, p_reference_id, p_reference_type) RETURNING * INTO v_row; RETURN v_row; END $$;
--rollback DROP FUNCTION public.agent_under_review(uuid);
--rollback DROP FUNCTION public.may_govern_agent(uuid);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback REVOKE UPDATE (status, graduated_at) ON public.agents FROM agentanchor_definer;
--rollback REVOKE INSERT (id, owner_id, name, description, system_prompt, model, config, metadata), UPDATE (name, description, system_prompt, model, config, metadata) ON public.agents FROM agentanchor_app;
--rollback GRANT INSERT, UPDATE ON public.agents TO agentanchor_app;
--rollback RESET ROLE;
