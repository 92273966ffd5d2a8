--liquibase formatted sql

--changeset agentanchor:academy-function-record-module-result runOnChange:true splitStatements:false
--comment: The current text of academy_record_module_result(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- A credentialed examiner (a validator) who does not own the agent grades the current module of an enrollment in
-- training: the score is kept as the module's latest, the module is passed from its pass mark and the next one not
-- passed becomes current (NULL once all are), overall_score is the mean of the module scores, and the grading is
-- appended to module_results. The twin of Enrollment.recordModuleResult (EnrollmentParityTests). Refusals:
-- insufficient_privilege (who), no_data_found (no such enrollment), invalid_parameter_value (no such module, a
-- score outside 0-100), check_violation (not in training, not the current module).
CREATE OR REPLACE FUNCTION public.academy_record_module_result(p_enrollment_id uuid, p_module integer,
                                                               p_score integer, p_notes text)
    RETURNS public.academy_progress
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.academy_progress;
    v_pass_marks integer[];
    v_passed boolean;
    v_completed jsonb;
    v_scores jsonb;
    v_next integer;
BEGIN
    IF NOT public.is_validator() THEN
        RAISE EXCEPTION 'only a credentialed examiner (a validator) grades modules'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT p.* INTO v_row FROM public.academy_progress p WHERE p.id = p_enrollment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no enrollment %', p_enrollment_id USING ERRCODE = 'no_data_found';
    END IF;
    IF EXISTS (SELECT 1 FROM public.agents a
                WHERE a.id = v_row.agent_id AND a.owner_id = public.current_profile_id()) THEN
        RAISE EXCEPTION 'nobody grades their own agent' USING ERRCODE = 'insufficient_privilege';
    END IF;
    v_pass_marks := public.academy_module_pass_marks(v_row.curriculum_type);
    IF p_module IS NULL OR p_module < 1 OR p_module > cardinality(v_pass_marks) THEN
        RAISE EXCEPTION '% has modules 1 to %, no module %', v_row.curriculum_type, cardinality(v_pass_marks),
            p_module USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_score IS NULL OR p_score < 0 OR p_score > 100 THEN
        RAISE EXCEPTION 'a score is 0 to 100' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_row.status NOT IN ('enrolled', 'in_progress') THEN
        RAISE EXCEPTION 'enrollment % is %; modules are graded while it trains', p_enrollment_id, v_row.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF v_row.current_module IS NULL THEN
        RAISE EXCEPTION 'every module of enrollment % is passed already', p_enrollment_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_module <> v_row.current_module THEN
        RAISE EXCEPTION 'module % is next: modules are passed in order', v_row.current_module
            USING ERRCODE = 'check_violation';
    END IF;

    v_passed := p_score >= v_pass_marks[p_module];
    v_completed := coalesce(v_row.completed_modules, '[]');
    IF v_passed THEN
        v_completed := v_completed || to_jsonb(p_module);
    END IF;
    v_scores := coalesce(v_row.module_scores, '{}') || jsonb_build_object(p_module::text, p_score);
    SELECT min(m) INTO v_next FROM generate_series(1, cardinality(v_pass_marks)) m
     WHERE NOT v_completed @> to_jsonb(m);

    UPDATE public.academy_progress p
       SET status = 'in_progress',
           current_module = v_next,
           completed_modules = v_completed,
           module_scores = v_scores,
           overall_score = (SELECT round(avg(s.value::numeric), 2) FROM jsonb_each_text(v_scores) s),
           module_results = coalesce(p.module_results, '[]') || jsonb_build_array(jsonb_build_object(
               'module', p_module, 'score', p_score, 'passed', v_passed,
               'examinerId', public.current_profile_id(), 'notes', p_notes, 'date', now()))
     WHERE p.id = p_enrollment_id
    RETURNING p.* INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
