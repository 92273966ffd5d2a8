--liquibase formatted sql

--changeset agentanchor:academy-function-end-for-stopped-agent runOnChange:true splitStatements:false
--comment: The current text of academy_end_for_stopped_agent(): change it here, and Liquibase applies it again on the
-- next start. CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The owner of a stopped agent (suspended by the council, or retired) ends its open enrollment at any stage, under
-- examination too: a stopped agent is not graded, a suspended one comes back as a draft (or active, had it graduated)
-- and enrolls anew, and an examiner's queue keeps nothing of it. It ends as withdrawn, its results kept. Open means
-- EnrollmentStatus.open(). Refusals: insufficient_privilege (not the owner), no_data_found (no such enrollment),
-- check_violation (the agent is not stopped, or the enrollment is over).
CREATE OR REPLACE FUNCTION public.academy_end_for_stopped_agent(p_enrollment_id uuid)
    RETURNS public.academy_progress
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.academy_progress;
    v_agent_status public.agent_status;
BEGIN
    SELECT p.* INTO v_row FROM public.academy_progress p WHERE p.id = p_enrollment_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no enrollment %', p_enrollment_id USING ERRCODE = 'no_data_found';
    END IF;
    SELECT a.status INTO v_agent_status FROM public.agents a
     WHERE a.id = v_row.agent_id AND a.owner_id = public.current_profile_id();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only the agent''s owner ends its enrollment' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_agent_status NOT IN ('suspended', 'retired') THEN
        RAISE EXCEPTION 'agent % is %; only a suspended or retired agent''s enrollment ends at any stage', v_row.agent_id,
            v_agent_status USING ERRCODE = 'check_violation';
    END IF;
    IF v_row.status NOT IN ('enrolled', 'in_progress', 'examination') THEN
        RAISE EXCEPTION 'enrollment % is %; it is over already', p_enrollment_id, v_row.status
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.academy_progress p SET status = 'withdrawn', completed_at = now() WHERE p.id = p_enrollment_id
    RETURNING p.* INTO v_row;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
