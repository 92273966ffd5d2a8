--liquibase formatted sql

--changeset agentanchor:truth-chain-private-fields splitStatements:false rollbackSplitStatements:false
--comment: A public ledger without private data. A sealed record (format 2 with a "commitment") signs a salted
-- SHA-256 commitment to its private fields instead of the fields; the fields live here, as their opening: the
-- canonical JSON {"actor","payload","salt"} whose SHA-256 is the signed commitment. Row-level security shows an
-- opening only to those who may see the record's subject, through the subject's own policies (an EXISTS under the
-- caller's RLS): an agent's to its owner (and everyone once it is active), a decision's to those who may read it,
-- an acquisition's to its consumer and the agent's owner. Openings are written only by truth_chain_keep_private,
-- which checks each against the signed commitment, in the append's transaction; erasure empties an opening and
-- leaves a tombstone (so it cannot be written again), and the signed bytes never change: everything still verifies.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.truth_chain_private (
    id              uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    -- No foreign key: truth_chain rows are never deleted (triggers), truth_chain_keep_private checks the record
    -- exists, and a key would make TRUNCATE truth_chain fail on the key before its append-only trigger says why.
    sequence_number bigint      NOT NULL CONSTRAINT truth_chain_private_sequence_key UNIQUE,
    subject_type    text        NOT NULL,
    subject_id      uuid        NOT NULL,
    opening         bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    erased_at       timestamptz,
    CONSTRAINT truth_chain_private_erased CHECK ((opening IS NULL) = (erased_at IS NOT NULL))
);
CREATE INDEX truth_chain_private_subject_idx ON public.truth_chain_private (subject_type, subject_id);

GRANT SELECT ON public.truth_chain_private TO agentanchor_app;
GRANT SELECT, INSERT, UPDATE (opening, erased_at) ON public.truth_chain_private TO agentanchor_definer;

-- Whether the caller may see a record's subject, by the subject's own row-level security: runs as the caller, so
-- each EXISTS sees what the caller's policies show. PL/pgSQL resolves tables when it runs, so the marketplace's
-- acquisitions (migrated after this module) need not exist yet. A user is private to themselves.
CREATE FUNCTION public.truth_chain_subject_visible(p_subject_type text, p_subject_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path = ''
AS $$
BEGIN
    CASE p_subject_type
        WHEN 'agent' THEN
            RETURN EXISTS (SELECT 1 FROM public.agents a WHERE a.id = p_subject_id);
        WHEN 'decision' THEN
            RETURN EXISTS (SELECT 1 FROM public.council_decisions d WHERE d.id = p_subject_id);
        WHEN 'acquisition' THEN
            RETURN EXISTS (SELECT 1 FROM public.acquisitions q WHERE q.id = p_subject_id);
        WHEN 'user' THEN
            RETURN p_subject_id = public.current_profile_id();
        ELSE
            RETURN p_subject_type = 'system';
    END CASE;
END $$;
REVOKE ALL ON FUNCTION public.truth_chain_subject_visible(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.truth_chain_subject_visible(text, uuid) TO agentanchor_app;

ALTER TABLE public.truth_chain_private ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.truth_chain_private FORCE ROW LEVEL SECURITY;
CREATE POLICY truth_chain_private_select ON public.truth_chain_private FOR SELECT TO agentanchor_app
    USING (public.truth_chain_subject_visible(subject_type, subject_id));
CREATE POLICY truth_chain_private_definer ON public.truth_chain_private FOR ALL TO agentanchor_definer
    USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- Keeps the openings of sealed records: each must be the preimage of the commitment in its record's signed bytes
-- (so nothing but the sealed fields can be stored under a record), once (a sequence has one row, an erased one a
-- tombstone). The subject is copied from the record, for the policy and for erasure.
CREATE FUNCTION public.truth_chain_keep_private(p_sequence bigint[], p_opening bytea[]) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_count integer := coalesce(pg_catalog.array_length(p_sequence, 1), 0);
    v_doc   jsonb;
    v_row   public.truth_chain;
BEGIN
    IF coalesce(pg_catalog.array_length(p_opening, 1), 0) <> v_count THEN
        RAISE EXCEPTION 'truth chain openings and sequences differ in length' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 1 .. v_count LOOP
        SELECT * INTO v_row FROM public.truth_chain t WHERE t.sequence_number = p_sequence[i];
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no truth chain record %', p_sequence[i] USING ERRCODE = 'no_data_found';
        END IF;
        v_doc := pg_catalog.convert_from(v_row.canonical, 'UTF8')::jsonb;
        IF (v_doc ->> 'commitment') IS DISTINCT FROM pg_catalog.encode(pg_catalog.sha256(p_opening[i]), 'hex') THEN
            RAISE EXCEPTION 'the opening of record % is not the preimage of its signed commitment', p_sequence[i]
                USING ERRCODE = 'data_exception';
        END IF;
        INSERT INTO public.truth_chain_private (sequence_number, subject_type, subject_id, opening)
        VALUES (v_row.sequence_number, v_row.subject_type, v_row.subject_id, p_opening[i]);
    END LOOP;
    RETURN v_count;
END $$;

-- The right to erasure: empties the openings about the acting user, the agents they own, the council decisions
-- about those agents and the acquisitions they made. The commitments stay signed, so every record, checkpoint and
-- proof still verifies; the fields cannot be read back, nor stored again (the tombstone keeps the sequence).
CREATE FUNCTION public.truth_chain_erase_my_private() RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_me    uuid := public.current_profile_id();
    v_count integer;
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'erasure needs a signed-in user' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE public.truth_chain_private p SET opening = NULL, erased_at = pg_catalog.now()
     WHERE p.erased_at IS NULL
       AND ((p.subject_type = 'user' AND p.subject_id = v_me)
         OR (p.subject_type = 'agent'
             AND p.subject_id IN (SELECT a.id FROM public.agents a WHERE a.owner_id = v_me))
         OR (p.subject_type = 'decision'
             AND p.subject_id IN (SELECT d.id FROM public.council_decisions d
                                    JOIN public.agents a ON a.id = d.agent_id WHERE a.owner_id = v_me))
         OR (p.subject_type = 'acquisition'
             AND p.subject_id IN (SELECT q.id FROM public.acquisitions q WHERE q.consumer_id = v_me)));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END $$;
REVOKE ALL ON FUNCTION public.truth_chain_keep_private(bigint[], bytea[]),
    public.truth_chain_erase_my_private() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.truth_chain_keep_private(bigint[], bytea[]),
    public.truth_chain_erase_my_private() TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.truth_chain_erase_my_private();
--rollback DROP FUNCTION public.truth_chain_keep_private(bigint[], bytea[]);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.truth_chain_private;
--rollback DROP FUNCTION public.truth_chain_subject_visible(text, uuid);
--rollback RESET ROLE;
