--liquibase formatted sql

--changeset agentanchor:truth-chain-subject-records splitStatements:false
--comment: A subject's records are read newest first, in keyset pages by sequence (GET /api/truth-chain/records?subjectId):
-- (subject_id, sequence_number DESC) reads a page without sorting all of an agent's records. It replaces
-- truth_chain_subject_id_idx (subject_id), whose every use it serves; appends keep maintaining the same number of
-- indexes.
SET LOCAL ROLE agentanchor_owner;
CREATE INDEX truth_chain_subject_sequence_idx ON public.truth_chain (subject_id, sequence_number DESC);
DROP INDEX public.truth_chain_subject_id_idx;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback CREATE INDEX truth_chain_subject_id_idx ON public.truth_chain (subject_id);
--rollback DROP INDEX public.truth_chain_subject_sequence_idx;
--rollback RESET ROLE;
