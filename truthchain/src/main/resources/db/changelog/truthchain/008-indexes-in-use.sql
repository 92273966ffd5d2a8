--liquibase formatted sql

--changeset agentanchor:truth-chain-indexes-in-use splitStatements:false
--comment: The chain is read by sequence (truth_chain_sequence_idx), by subject newest first
-- (truth_chain_subject_sequence_idx) and by source event (its unique key); nothing reads it by hash, by (subject type,
-- subject), by record type, by time or by actor. The origin's five indexes for those cost every append five index
-- entries (issue 13: a registration's record took 174 µs to insert under them) and served no query.
SET LOCAL ROLE agentanchor_owner;
DROP INDEX public.truth_chain_hash_idx;
DROP INDEX public.truth_chain_subject_idx;
DROP INDEX public.truth_chain_record_type_idx;
DROP INDEX public.truth_chain_created_at_idx;
DROP INDEX public.truth_chain_actor_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX truth_chain_hash_idx ON public.truth_chain (hash);
--rollback CREATE INDEX truth_chain_subject_idx ON public.truth_chain (subject_type, subject_id);
--rollback CREATE INDEX truth_chain_record_type_idx ON public.truth_chain (record_type);
--rollback CREATE INDEX truth_chain_created_at_idx ON public.truth_chain (created_at);
--rollback CREATE INDEX truth_chain_actor_idx ON public.truth_chain (actor_id);
--rollback RESET ROLE;
