--liquibase formatted sql

--changeset agentanchor:observer-events-own-actions splitStatements:false
--comment: A user also sees what they did themselves: a validator's verdict on another trainer's draft is logged on
-- the validator's behalf, and an INSERT ... RETURNING must be able to read back the row it wrote.
SET LOCAL ROLE agentanchor_owner;
CREATE POLICY observer_events_select_own_actions ON public.observer_events FOR SELECT TO agentanchor_app
    USING (actor_id = (SELECT public.current_profile_id()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY observer_events_select_own_actions ON public.observer_events;
--rollback RESET ROLE;
