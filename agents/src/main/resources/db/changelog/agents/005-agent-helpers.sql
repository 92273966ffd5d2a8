--liquibase formatted sql

--changeset agentanchor:agents-helpers splitStatements:false
--comment: Cross-table checks for other tables' policies, run as agentanchor_definer so they read agents past its
-- policies (with FORCE, a helper owned by the table owner would itself be filtered). Each is wrapped in
-- (SELECT ...) by its callers, so it runs once per statement, not once per row.
SET LOCAL ROLE agentanchor_owner;
-- The definer reads agents only through these helpers; nobody logs in as it.
CREATE POLICY agents_definer_select ON public.agents FOR SELECT TO agentanchor_definer USING (true);
CREATE POLICY agents_definer_update ON public.agents FOR UPDATE TO agentanchor_definer USING (true) WITH CHECK (true);
ALTER TABLE public.trust_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.trust_history FORCE ROW LEVEL SECURITY;
CREATE POLICY trust_history_definer ON public.trust_history TO agentanchor_definer USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- The acting user's agents, as an array: policies test `agent_id = ANY ((SELECT my_agent_ids())::uuid[])` (the cast makes it the array form, evaluated once).
CREATE FUNCTION public.my_agent_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT coalesce(array_agg(a.id), '{}')
      FROM public.agents a
     WHERE a.owner_id = public.current_profile_id()
$$;

-- Moves an agent's trust score and records why, atomically; the clamp trigger keeps the score in 0..1000 and the
-- history records the change that actually happened. The only way trust changes or trust_history grows.
CREATE FUNCTION public.apply_trust_change(p_agent_id uuid, p_change integer, p_source public.trust_source,
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
    SELECT a.trust_score INTO v_previous FROM public.agents a WHERE a.id = p_agent_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no agent %', p_agent_id USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE public.agents SET trust_score = v_previous + p_change WHERE id = p_agent_id
        RETURNING trust_score INTO v_new;
    INSERT INTO public.trust_history (agent_id, previous_score, new_score, change, source, reason, reference_id,
                                      reference_type)
    VALUES (p_agent_id, v_previous, v_new, v_new - v_previous, p_source, p_reason, p_reference_id, p_reference_type)
    RETURNING * INTO v_row;
    RETURN v_row;
END $$;
REVOKE ALL ON FUNCTION public.my_agent_ids(),
    public.apply_trust_change(uuid, integer, public.trust_source, text, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.my_agent_ids(),
    public.apply_trust_change(uuid, integer, public.trust_source, text, uuid, text) TO agentanchor_app;
RESET ROLE;

SET LOCAL ROLE agentanchor_owner;
-- A user reads the trust history of the agents they may see: their own and active ones. Active agents are
-- visible to everyone, so that test needs no helper: an indexed EXISTS per row beats collecting thousands of ids.
CREATE POLICY trust_history_select ON public.trust_history FOR SELECT TO agentanchor_app
    USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])
           OR EXISTS (SELECT 1 FROM public.agents a WHERE a.id = trust_history.agent_id AND a.status = 'active'));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY trust_history_select ON public.trust_history;
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.apply_trust_change(uuid, integer, public.trust_source, text, uuid, text);
--rollback DROP FUNCTION public.my_agent_ids();
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY trust_history_definer ON public.trust_history;
--rollback ALTER TABLE public.trust_history NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE public.trust_history DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY agents_definer_update ON public.agents;
--rollback DROP POLICY agents_definer_select ON public.agents;
--rollback RESET ROLE;
