--liquibase formatted sql

--changeset agentanchor:academy-function-withdraw runOnChange:true splitStatements:false
--comment: The current text of academy_withdraw(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The agent's owner withdraws an enrollment in training (not one waiting for an examination grade): it ends as
-- withdrawn, its results kept. The twin of Enrollment.withdraw (EnrollmentParityTests). Refusals:
-- insufficient_privilege (not the owner), no_data_found (no such enrollment), check_violation (not in training).
CREATE OR REPLACE FUNCTION public.academy_withdraw(p_enrollment_id uuid)
    RETURNS public.academy_progress
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.academy_progress;
BEGIN
    SELECT p.* INTO v_row FROM public.academy_progress p WHERE p.id = p_enrollment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no enrollment %', p_enrollment_id USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.agents a
                    WHERE a.id = v_row.agent_id AND a.owner_id = public.current_profile_id()) THEN
        RAISE EXCEPTION 'only the agent''s owner withdraws its enrollment' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_row.status NOT IN ('enrolled', 'in_progress') THEN
        RAISE EXCEPTION 'enrollment % is %; only one in training withdraws', p_enrollment_id, v_row.status
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.academy_progress p SET status = 'withdrawn', completed_at = now() WHERE p.id = p_enrollment_id
    RETURNING p.* INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
