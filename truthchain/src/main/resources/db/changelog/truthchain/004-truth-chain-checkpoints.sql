--liquibase formatted sql

--changeset agentanchor:truth-chain-checkpoints splitStatements:false
--comment: Every checkpoint the log has signed (C2SP tlog-checkpoint notes), kept so that the log never signs two
-- inconsistent ones, across restarts too: before signing a larger tree the app proves the new tree extends the
-- last one it signed. Append-only like the chain; a second checkpoint of the same size must have the same root.
-- Written only through truth_chain_record_checkpoint; public like the chain.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.truth_chain_checkpoints (
    tree_size  bigint      NOT NULL PRIMARY KEY CONSTRAINT truth_chain_checkpoints_size CHECK (tree_size >= 0),
    root_hash  text        NOT NULL CONSTRAINT truth_chain_checkpoints_root_hex CHECK (root_hash ~ '^[0-9a-f]{64}$'),
    key_id     text        NOT NULL,
    note       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION public.reject_truth_chain_checkpoint_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    RAISE EXCEPTION 'truth_chain_checkpoints is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER truth_chain_checkpoints_no_update BEFORE UPDATE OR DELETE ON public.truth_chain_checkpoints
    FOR EACH ROW EXECUTE FUNCTION public.reject_truth_chain_checkpoint_change();
CREATE TRIGGER truth_chain_checkpoints_no_truncate BEFORE TRUNCATE ON public.truth_chain_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION public.reject_truth_chain_checkpoint_change();

GRANT SELECT ON public.truth_chain_checkpoints TO agentanchor_app;
GRANT SELECT, INSERT ON public.truth_chain_checkpoints TO agentanchor_definer;
ALTER TABLE public.truth_chain_checkpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.truth_chain_checkpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY truth_chain_checkpoints_select ON public.truth_chain_checkpoints FOR SELECT USING (true);
CREATE POLICY truth_chain_checkpoints_definer ON public.truth_chain_checkpoints TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
CREATE FUNCTION public.truth_chain_record_checkpoint(p_tree_size bigint, p_root_hash text, p_key_id text,
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
REVOKE ALL ON FUNCTION public.truth_chain_record_checkpoint(bigint, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.truth_chain_record_checkpoint(bigint, text, text, text) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.truth_chain_record_checkpoint(bigint, text, text, text);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.truth_chain_checkpoints;
--rollback DROP FUNCTION public.reject_truth_chain_checkpoint_change();
--rollback RESET ROLE;
