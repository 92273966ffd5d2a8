--liquibase formatted sql

--changeset agentanchor:academy-function-grade-examination runOnChange:true splitStatements:false
--comment: The current text of academy_grade_examination(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- A credentialed examiner (a validator) who does not own the agent grades an examination: from the curriculum's
-- examination pass mark the enrollment has passed; below it, it trains again, and the third failure ends it. The
-- attempt goes into examination_history as {attempt, score, passed, date, examinerId, notes}. The twin of
-- Enrollment.grade (EnrollmentParityTests); the agent's own status and trust move through change_agent_status() and
-- apply_trust_change() in the same transaction. Refusals: insufficient_privilege (who), no_data_found (no such
-- enrollment), invalid_parameter_value (a score outside 0-100), check_violation (not waiting for a grade).
CREATE OR REPLACE FUNCTION public.academy_grade_examination(p_enrollment_id uuid, p_score integer, p_notes text)
    RETURNS public.academy_progress
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.academy_progress;
    v_attempt integer;
    v_passed boolean;
    v_status public.academy_status;
BEGIN
    IF NOT public.is_validator() THEN
        RAISE EXCEPTION 'only a credentialed examiner (a validator) grades examinations'
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
    IF p_score IS NULL OR p_score < 0 OR p_score > 100 THEN
        RAISE EXCEPTION 'a score is 0 to 100' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v_row.status <> 'examination' THEN
        RAISE EXCEPTION 'enrollment % is %, not waiting for a grade', p_enrollment_id, v_row.status
            USING ERRCODE = 'check_violation';
    END IF;

    v_attempt := coalesce(v_row.examination_attempts, 0) + 1;
    v_passed := p_score >= public.academy_examination_pass_mark(v_row.curriculum_type);
    v_status := CASE WHEN v_passed THEN 'passed' WHEN v_attempt >= 3 THEN 'failed' ELSE 'in_progress' END;
    UPDATE public.academy_progress p
       SET status = v_status,
           examination_attempts = v_attempt,
           last_examination_score = p_score,
           examination_history = coalesce(p.examination_history, '[]') || jsonb_build_array(jsonb_build_object(
               'attempt', v_attempt, 'score', p_score, 'passed', v_passed, 'date', now(),
               'examinerId', public.current_profile_id(), 'notes', p_notes)),
           completed_at = CASE WHEN v_status <> 'in_progress' THEN now() END,
           graduated_at = CASE WHEN v_passed THEN now() END
     WHERE p.id = p_enrollment_id
    RETURNING p.* INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
