--liquibase formatted sql

--changeset agentanchor:academy-function-progress-enroll runOnChange:true splitStatements:false
--comment: The current text of academy_progress_enroll(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- A new enrollment starts now, at module 1, with as many modules as its curriculum has. The app role inserts only
-- agent_id and curriculum_type (column grant); everything else is a default or set here.
CREATE OR REPLACE FUNCTION public.academy_progress_enroll() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    NEW.total_modules := cardinality(public.academy_module_pass_marks(NEW.curriculum_type));
    NEW.started_at := coalesce(NEW.started_at, now());
    RETURN NEW;
END $$;
RESET ROLE;
--rollback empty
