--liquibase formatted sql

--changeset agentanchor:agent-outcome-tallies splitStatements:false
--comment: An agent's reported outcomes wait here until they are settled onto its row. Moving the counters in the
-- report's own transaction locked the agent's row until commit, so one agent's reports committed one after the
-- other, each waiting for the one before it and its fsync (~150 single events/s on this machine). A report now
-- inserts a tally (no lock), and the counters and trust move when a tally is settled: in the same transaction
-- when the agent's row is free, else right after by whoever holds it (functions/settle_outcomes_of.sql). Only the
-- definer reads or writes tallies.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.agent_outcome_tallies (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    agent_id   uuid        NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    successes  integer     NOT NULL CHECK (successes >= 0),
    failures   integer     NOT NULL CHECK (failures >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_outcome_tallies_agent_idx ON public.agent_outcome_tallies (agent_id);
GRANT SELECT, INSERT, DELETE ON public.agent_outcome_tallies TO agentanchor_definer;
ALTER TABLE public.agent_outcome_tallies ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.agent_outcome_tallies FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_outcome_tallies_definer ON public.agent_outcome_tallies FOR ALL TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.agent_outcome_tallies;
--rollback RESET ROLE;
