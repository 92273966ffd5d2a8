--liquibase formatted sql

--changeset agentanchor:observer-events-rls splitStatements:false
--comment: A user sees events about themselves and their own agents, plus the public feed: info and warning
-- events of active agents.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.observer_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.observer_events FORCE ROW LEVEL SECURITY;

CREATE POLICY observer_events_select ON public.observer_events FOR SELECT TO agentanchor_app
    USING (
        (subject_type = 'user' AND subject_id = (SELECT public.current_profile_id()))
        OR (subject_type = 'agent' AND subject_id = ANY ((SELECT public.my_agent_ids())::uuid[]))
        OR (subject_type = 'agent' AND severity IN ('info', 'warning')
            AND EXISTS (SELECT 1 FROM public.agents a WHERE a.id = observer_events.subject_id AND a.status = 'active'))
    );
-- An event is recorded on behalf of whoever acted: its actor must be the acting user, and system events (no
-- actor) come only from work that acts for nobody. Nobody can put words in another user's mouth.
CREATE POLICY observer_events_insert ON public.observer_events FOR INSERT TO agentanchor_app
    WITH CHECK (actor_id IS NOT DISTINCT FROM (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY observer_events_insert ON public.observer_events;
--rollback DROP POLICY observer_events_select ON public.observer_events;
--rollback ALTER TABLE public.observer_events NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE public.observer_events DISABLE ROW LEVEL SECURITY;
--rollback RESET ROLE;
