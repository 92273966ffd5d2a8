--liquibase formatted sql

--changeset agentanchor:observer-events-own-writes splitStatements:false
--comment: A transaction reads back the events it writes itself (INSERT ... RETURNING is checked against the select
-- policies). Without it, work that acts for nobody (a request expiring, say) could not record an event about an
-- agent nobody may see in public, a draft's: the insert was refused and its publication retried for ever. Only rows
-- of the current transaction: nothing written by anyone else becomes visible.
SET LOCAL ROLE agentanchor_owner;
CREATE POLICY observer_events_select_own_writes ON public.observer_events FOR SELECT TO agentanchor_app
    USING (tx = (SELECT pg_catalog.pg_current_xact_id_if_assigned()));
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP POLICY observer_events_select_own_writes ON public.observer_events;
--rollback RESET ROLE;
