--liquibase formatted sql

--changeset agentanchor:council-human-override splitStatements:false rollbackSplitStatements:false
--comment: Human override (origin architecture §3.3: the council is AI, the human answers for the agent). The
-- agent's owner may overrule a verdict of the council about their agent, approved or rejected, once and with a
-- reason: the decision becomes 'overridden' and remembers the verdict it overrode. Suspensions and reinstatements
-- are the council's to decide and stand. The app role gets no UPDATE for this: a policy letting the owner update
-- their decisions would also let them rewrite the votes and reasoning, which the vote grant covers, so the
-- override goes through one definer function that writes only the override's columns. The checks keep an
-- override whole: overridden exactly when human_override, and then with its reason and overridden verdict.
-- human_override_by may still become NULL when that profile is deleted (its FK is ON DELETE SET NULL); the truth
-- chain keeps who it was.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.council_decisions
    ADD COLUMN overridden_verdict public.decision_status
        CONSTRAINT council_decisions_overridden_verdict CHECK (overridden_verdict IN ('approved', 'rejected')),
    ADD CONSTRAINT council_decisions_override_whole CHECK (
        (status = 'overridden') = coalesce(human_override, false)
        AND (status <> 'overridden' OR (human_override_reason IS NOT NULL AND overridden_verdict IS NOT NULL)));
GRANT SELECT (id, agent_id, decision_type, status),
      UPDATE (status, human_override, human_override_by, human_override_reason, overridden_verdict)
    ON public.council_decisions TO agentanchor_definer;
CREATE POLICY council_decisions_definer_select ON public.council_decisions FOR SELECT TO agentanchor_definer
    USING (true);
CREATE POLICY council_decisions_definer_update ON public.council_decisions FOR UPDATE TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- Overrides the verdict of decision p_decision_id for the acting user, if they own its agent and it may be
-- overridden; returns the verdict overridden, or NULL (nothing changed) when it may not.
CREATE FUNCTION public.override_council_decision(p_decision_id uuid, p_reason text)
    RETURNS public.decision_status
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_verdict public.decision_status;
BEGIN
    SELECT d.status INTO v_verdict
      FROM public.council_decisions d
      JOIN public.agents a ON a.id = d.agent_id
     WHERE d.id = p_decision_id
       AND a.owner_id = public.current_profile_id()
       AND d.status IN ('approved', 'rejected')
       AND d.decision_type NOT IN ('suspension', 'reinstatement')
       FOR UPDATE OF d;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    UPDATE public.council_decisions
       SET status = 'overridden', human_override = true, human_override_by = public.current_profile_id(),
           human_override_reason = p_reason, overridden_verdict = v_verdict
     WHERE id = p_decision_id;
    RETURN v_verdict;
END $$;
REVOKE ALL ON FUNCTION public.override_council_decision(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.override_council_decision(uuid, text) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.override_council_decision(uuid, text);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY council_decisions_definer_update ON public.council_decisions;
--rollback DROP POLICY council_decisions_definer_select ON public.council_decisions;
--rollback REVOKE SELECT (id, agent_id, decision_type, status), UPDATE (status, human_override, human_override_by, human_override_reason, overridden_verdict) ON public.council_decisions FROM agentanchor_definer;
--rollback ALTER TABLE public.council_decisions DROP CONSTRAINT council_decisions_override_whole, DROP COLUMN overridden_verdict;
--rollback RESET ROLE;
