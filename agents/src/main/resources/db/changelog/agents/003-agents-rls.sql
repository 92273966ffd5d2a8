--liquibase formatted sql

--changeset agentanchor:agents-rls splitStatements:false
--comment: The origin's policies, forced and in the fast form: a user sees their own agents and every active
-- agent, and writes only their own. (select current_profile_id()) runs once per statement as an InitPlan.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.agents FORCE ROW LEVEL SECURITY;

CREATE POLICY agents_select_own_or_active ON public.agents FOR SELECT TO agentanchor_app
    USING (owner_id = (SELECT public.current_profile_id()) OR status = 'active');
CREATE POLICY agents_insert_own ON public.agents FOR INSERT TO agentanchor_app
    WITH CHECK (owner_id = (SELECT public.current_profile_id()));
CREATE POLICY agents_update_own ON public.agents FOR UPDATE TO agentanchor_app
    USING (owner_id = (SELECT public.current_profile_id()))
    WITH CHECK (owner_id = (SELECT public.current_profile_id()));
CREATE POLICY agents_delete_own ON public.agents FOR DELETE TO agentanchor_app
    USING (owner_id = (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY agents_delete_own ON public.agents;
--rollback DROP POLICY agents_update_own ON public.agents;
--rollback DROP POLICY agents_insert_own ON public.agents;
--rollback DROP POLICY agents_select_own_or_active ON public.agents;
--rollback ALTER TABLE public.agents NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE public.agents DISABLE ROW LEVEL SECURITY;
--rollback RESET ROLE;
