--liquibase formatted sql

--changeset agentanchor:academy-function-examination-pass-mark runOnChange:true splitStatements:false
--comment: The current text of academy_examination_pass_mark(): change it here, and Liquibase applies it again on the next start.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- The score that passes a curriculum's examination: the twin of Curricula.java, held to it by CurriculumParityTests.
CREATE OR REPLACE FUNCTION public.academy_examination_pass_mark(p_curriculum public.curriculum_type) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT CASE p_curriculum
        WHEN 'basic_training' THEN 70
        WHEN 'specialized'    THEN 75
        WHEN 'advanced'       THEN 80
        WHEN 'certification'  THEN 85
        WHEN 'remedial'       THEN 70
    END
$$;
RESET ROLE;
--rollback empty
