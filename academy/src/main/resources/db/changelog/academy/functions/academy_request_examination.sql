--liquibase formatted sql

--changeset agentanchor:academy-function-request-examination runOnChange:true splitStatements:false
--comment: The current text of academy_request_examination(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The agent's owner puts an enrollment in training up for examination, once every module of its curriculum is
-- passed. The twin of Enrollment.requestExamination (EnrollmentParityTests); the agent itself moves through
-- advance_own_agent() in the same transaction. Refusals: insufficient_privilege (not the owner), no_data_found (no
-- such enrollment), check_violation (not in training, a module not passed).
CREATE OR REPLACE FUNCTION public.academy_request_examination(p_enrollment_id uuid)
    RETURNS public.academy_progress
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.academy_progress;
    v_missing text;
BEGIN
    SELECT p.* INTO v_row FROM public.academy_progress p WHERE p.id = p_enrollment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no enrollment %', p_enrollment_id USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.agents a
                    WHERE a.id = v_row.agent_id AND a.owner_id = public.current_profile_id()) THEN
        RAISE EXCEPTION 'only the agent''s owner puts it up for examination' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_row.status NOT IN ('enrolled', 'in_progress') THEN
        RAISE EXCEPTION 'enrollment % is %, not in training', p_enrollment_id, v_row.status
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT string_agg(m::text, ', ' ORDER BY m) INTO v_missing
      FROM generate_series(1, cardinality(public.academy_module_pass_marks(v_row.curriculum_type))) m
     WHERE NOT coalesce(v_row.completed_modules, '[]') @> to_jsonb(m);
    IF v_missing IS NOT NULL THEN
        RAISE EXCEPTION 'the examination opens once every module is passed; module(s) % to go', v_missing
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.academy_progress p SET status = 'examination' WHERE p.id = p_enrollment_id
    RETURNING p.* INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
