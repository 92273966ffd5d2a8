--liquibase formatted sql

--changeset agentanchor:academy-examinations splitStatements:false
--comment: Validators grade examinations: they see every enrollment (as they see every council request; a grade's
-- RETURNING must still see the row once it has passed) and update one while it is under examination, never for
-- their own agents. The owner's policy (all commands on their agents' rows) is unchanged.
SET LOCAL ROLE agentanchor_owner;
CREATE POLICY academy_progress_examiners_select ON public.academy_progress FOR SELECT TO agentanchor_app
    USING ((SELECT public.is_validator()));
CREATE POLICY academy_progress_examiners_update ON public.academy_progress FOR UPDATE TO agentanchor_app
    USING (status = 'examination' AND (SELECT public.is_validator())
           AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]))
    WITH CHECK ((SELECT public.is_validator()) AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY academy_progress_examiners_update ON public.academy_progress;
--rollback DROP POLICY academy_progress_examiners_select ON public.academy_progress;
--rollback RESET ROLE;
