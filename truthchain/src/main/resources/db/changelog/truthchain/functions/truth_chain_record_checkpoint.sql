--liquibase formatted sql

--changeset agentanchor:truthchain-function-truth-chain-record-checkpoint runOnChange:true splitStatements:false
--comment: The current text of truth_chain_record_checkpoint(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 004-truth-chain-checkpoints.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
CREATE OR REPLACE FUNCTION public.truth_chain_record_checkpoint(p_tree_size bigint, p_root_hash text, p_key_id text,
                                                     p_note text)
    RETURNS public.truth_chain_checkpoints
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_row public.truth_chain_checkpoints;
BEGIN
    IF p_tree_size > (SELECT coalesce(max(t.sequence_number), 0) FROM public.truth_chain t) THEN
        RAISE EXCEPTION 'a checkpoint of size % is larger than the chain', p_tree_size
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.truth_chain_checkpoints (tree_size, root_hash, key_id, note)
    VALUES (p_tree_size, p_root_hash, p_key_id, p_note)
    ON CONFLICT (tree_size) DO NOTHING
    RETURNING * INTO v_row;
    IF v_row.tree_size IS NULL THEN
        SELECT * INTO v_row FROM public.truth_chain_checkpoints c WHERE c.tree_size = p_tree_size;
        IF v_row.root_hash <> p_root_hash THEN
            RAISE EXCEPTION 'a checkpoint of size % with another root was already signed', p_tree_size
                USING ERRCODE = 'unique_violation';
        END IF;
    END IF;
    RETURN v_row;
END $$;
RESET ROLE;
--rollback empty
