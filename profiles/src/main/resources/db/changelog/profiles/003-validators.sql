--liquibase formatted sql

--changeset agentanchor:profiles-validators splitStatements:false
--comment: Whether the acting user sits on the council: trainers (role trainer or both) validate other trainers'
-- agents. A definer helper, so policies of other tables can ask without seeing profiles past their own row.
SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.is_validator() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path = ''
AS $$
    SELECT EXISTS (SELECT 1 FROM public.profiles p
                    WHERE p.id = public.current_profile_id() AND p.role IN ('trainer', 'both'))
$$;
REVOKE ALL ON FUNCTION public.is_validator() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.is_validator() TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.is_validator();
--rollback RESET ROLE;
