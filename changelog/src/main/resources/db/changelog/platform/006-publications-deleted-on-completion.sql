--liquibase formatted sql

--changeset agentanchor:platform-publications-deleted-on-completion splitStatements:false
--comment: A delivered publication's row is deleted (Modulith's completion mode "delete", application.yaml), so no
-- row has a completion date any more: the rows kept completed until now go (nothing purges them now), and so does the
-- index on the completion date, which served only that purge. The owner is held to the table's row-level security
-- like everyone (no policy is the owner's), so it is lifted for the deletion, in this transaction only.
SET LOCAL ROLE agentanchor_owner;
ALTER TABLE public.event_publication NO FORCE ROW LEVEL SECURITY;
DELETE FROM public.event_publication WHERE completion_date IS NOT NULL;
ALTER TABLE public.event_publication FORCE ROW LEVEL SECURITY;
DROP INDEX public.event_publication_by_completion_date_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX event_publication_by_completion_date_idx ON public.event_publication (completion_date);
--rollback RESET ROLE;
