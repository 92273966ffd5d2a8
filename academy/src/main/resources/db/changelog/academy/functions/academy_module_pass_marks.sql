--liquibase formatted sql

--changeset agentanchor:academy-function-module-pass-marks runOnChange:true splitStatements:false
--comment: The current text of academy_module_pass_marks(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Each module's pass mark, by module number (1-based), for a curriculum: the twin of Curricula.java, held to it by
-- CurriculumParityTests. Its length is the curriculum's number of modules.
CREATE OR REPLACE FUNCTION public.academy_module_pass_marks(p_curriculum public.curriculum_type) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT CASE p_curriculum
        WHEN 'basic_training' THEN ARRAY[70, 70, 80, 70, 70]
        WHEN 'specialized'    THEN ARRAY[75, 75, 80, 75]
        WHEN 'advanced'       THEN ARRAY[80, 80, 85, 80, 80]
        WHEN 'certification'  THEN ARRAY[85, 85, 90]
        WHEN 'remedial'       THEN ARRAY[70, 75]
    END
$$;
RESET ROLE;
--rollback empty
