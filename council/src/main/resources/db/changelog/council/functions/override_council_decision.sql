--liquibase formatted sql

--changeset agentanchor:council-function-override-council-decision runOnChange:true splitStatements:false
--comment: The current text of override_council_decision(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 003-human-override.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Overrides the verdict of decision p_decision_id for the acting user, if they own its agent and it may be
-- overridden; returns the verdict overridden, or NULL (nothing changed) when it may not.
CREATE OR REPLACE FUNCTION public.override_council_decision(p_decision_id uuid, p_reason text)
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
RESET ROLE;
--rollback empty
