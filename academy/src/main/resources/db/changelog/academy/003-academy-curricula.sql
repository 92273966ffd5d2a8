--liquibase formatted sql

--changeset agentanchor:academy-curricula splitStatements:false rollbackSplitStatements:false
--comment: Curricula with modules, and grades walled in the database. The app role may read what its policies show
-- and insert an enrollment (only its agent and curriculum, by column grant: a trigger derives the rest from the
-- curriculum); it may not update or delete a row at all, so an owner cannot write their own agent's scores, status
-- or history. Every later change is a definer function (functions/) that checks who acts, under a row lock:
-- module results and examination grades by a credentialed examiner (is_validator()) who does not own the agent
-- (academy_record_module_result, academy_grade_examination), the examination request and withdrawal by the owner
-- (academy_request_examination, academy_withdraw). The pass marks they apply are the catalogue's (Curricula.java),
-- repeated by academy_module_pass_marks() and academy_examination_pass_mark(). module_results keeps every module
-- grading, pass or fail, with its notes. An agent has at most one open enrollment.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.academy_progress ADD COLUMN module_results jsonb NOT NULL DEFAULT '[]';
-- Until now an agent suspended in training and reinstated as a draft could enroll beside its open enrollment: the
-- older open ones are withdrawn, so the index below can hold. (The owner sees past the policies only meanwhile.)
ALTER TABLE public.academy_progress NO FORCE ROW LEVEL SECURITY;
UPDATE public.academy_progress p SET status = 'withdrawn', completed_at = now()
 WHERE p.status IN ('enrolled', 'in_progress', 'examination')
   AND EXISTS (SELECT 1 FROM public.academy_progress q
                WHERE q.agent_id = p.agent_id AND q.status IN ('enrolled', 'in_progress', 'examination')
                  AND (q.enrolled_at, q.id) > (p.enrolled_at, p.id));
ALTER TABLE public.academy_progress FORCE ROW LEVEL SECURITY;
CREATE UNIQUE INDEX academy_progress_one_open_per_agent ON public.academy_progress (agent_id)
    WHERE status IN ('enrolled', 'in_progress', 'examination');

DROP POLICY academy_progress_owner ON public.academy_progress;
DROP POLICY academy_progress_examiners_update ON public.academy_progress;
CREATE POLICY academy_progress_owner_select ON public.academy_progress FOR SELECT TO agentanchor_app
    USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
CREATE POLICY academy_progress_owner_insert ON public.academy_progress FOR INSERT TO agentanchor_app
    WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
REVOKE INSERT, UPDATE, DELETE ON public.academy_progress FROM agentanchor_app;
GRANT INSERT (agent_id, curriculum_type) ON public.academy_progress TO agentanchor_app;

CREATE POLICY academy_progress_definer_select ON public.academy_progress FOR SELECT TO agentanchor_definer
    USING (true);
CREATE POLICY academy_progress_definer_update ON public.academy_progress FOR UPDATE TO agentanchor_definer
    USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE (status, current_module, completed_modules, module_scores, overall_score, module_results,
                      examination_attempts, last_examination_score, examination_history, completed_at, graduated_at,
                      updated_at)
    ON public.academy_progress TO agentanchor_definer;
RESET ROLE;

-- Empty shells with their grants; their text lives in functions/ (applied after this changeset).
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.academy_module_pass_marks(p_curriculum public.curriculum_type) RETURNS integer[]
    LANGUAGE sql IMMUTABLE SET search_path = '' AS $$ SELECT '{}'::integer[] $$;
CREATE FUNCTION public.academy_examination_pass_mark(p_curriculum public.curriculum_type) RETURNS integer
    LANGUAGE sql IMMUTABLE SET search_path = '' AS $$ SELECT 100 $$;
-- A trigger function runs only as a trigger, as the role that inserts; it keeps PUBLIC's EXECUTE.
CREATE FUNCTION public.academy_progress_enroll() RETURNS trigger
    LANGUAGE plpgsql SET search_path = '' AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION public.academy_record_module_result(p_enrollment_id uuid, p_module integer, p_score integer,
                                                    p_notes text) RETURNS public.academy_progress
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT NULL::public.academy_progress $$;
CREATE FUNCTION public.academy_request_examination(p_enrollment_id uuid) RETURNS public.academy_progress
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT NULL::public.academy_progress $$;
CREATE FUNCTION public.academy_grade_examination(p_enrollment_id uuid, p_score integer, p_notes text)
    RETURNS public.academy_progress
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT NULL::public.academy_progress $$;
CREATE FUNCTION public.academy_withdraw(p_enrollment_id uuid) RETURNS public.academy_progress
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = '' AS $$ SELECT NULL::public.academy_progress $$;
REVOKE ALL ON FUNCTION public.academy_record_module_result(uuid, integer, integer, text), public.academy_request_examination(uuid),
    public.academy_grade_examination(uuid, integer, text), public.academy_withdraw(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.academy_module_pass_marks(public.curriculum_type),
    public.academy_examination_pass_mark(public.curriculum_type),
    public.academy_record_module_result(uuid, integer, integer, text), public.academy_request_examination(uuid),
    public.academy_grade_examination(uuid, integer, text), public.academy_withdraw(uuid) TO agentanchor_app;
RESET ROLE;

SET LOCAL ROLE agentanchor_owner;
CREATE TRIGGER academy_progress_enroll BEFORE INSERT ON public.academy_progress
    FOR EACH ROW EXECUTE FUNCTION public.academy_progress_enroll();
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TRIGGER academy_progress_enroll ON public.academy_progress;
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.academy_withdraw(uuid);
--rollback DROP FUNCTION public.academy_grade_examination(uuid, integer, text);
--rollback DROP FUNCTION public.academy_request_examination(uuid);
--rollback DROP FUNCTION public.academy_record_module_result(uuid, integer, integer, text);
--rollback DROP FUNCTION public.academy_progress_enroll();
--rollback DROP FUNCTION public.academy_examination_pass_mark(public.curriculum_type);
--rollback DROP FUNCTION public.academy_module_pass_marks(public.curriculum_type);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback REVOKE ALL ON public.academy_progress FROM agentanchor_definer;
--rollback DROP POLICY academy_progress_definer_update ON public.academy_progress;
--rollback DROP POLICY academy_progress_definer_select ON public.academy_progress;
--rollback REVOKE INSERT (agent_id, curriculum_type) ON public.academy_progress FROM agentanchor_app;
--rollback GRANT SELECT, INSERT, UPDATE, DELETE ON public.academy_progress TO agentanchor_app;
--rollback DROP POLICY academy_progress_owner_insert ON public.academy_progress;
--rollback DROP POLICY academy_progress_owner_select ON public.academy_progress;
--rollback CREATE POLICY academy_progress_owner ON public.academy_progress TO agentanchor_app USING (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])) WITH CHECK (agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
--rollback CREATE POLICY academy_progress_examiners_update ON public.academy_progress FOR UPDATE TO agentanchor_app USING (status = 'examination' AND (SELECT public.is_validator()) AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[])) WITH CHECK ((SELECT public.is_validator()) AND NOT agent_id = ANY ((SELECT public.my_agent_ids())::uuid[]));
--rollback DROP INDEX public.academy_progress_one_open_per_agent;
--rollback ALTER TABLE public.academy_progress DROP COLUMN module_results;
--rollback RESET ROLE;
