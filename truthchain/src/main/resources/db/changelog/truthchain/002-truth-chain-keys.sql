--liquibase formatted sql

--changeset agentanchor:truth-chain-keys splitStatements:false
--comment: The platform's public keys, current and retired, so that every record stays verifiable after a key
-- rotation. A key id is the RFC 7638 thumbprint of its public key, checked here, so an id names exactly one key
-- and anyone can recompute it. Rows are never deleted and a key never changes; only retired_at moves, when another
-- key is published. Public by nature: the select policy applies to every role that has SELECT (only the app role
-- is granted it). Written only through truth_chain_publish_key.
SET LOCAL ROLE agentanchor_owner;
CREATE TABLE public.truth_chain_keys (
    key_id     text        NOT NULL PRIMARY KEY,
    algorithm  text        NOT NULL CONSTRAINT truth_chain_keys_algorithm CHECK (algorithm = 'Ed25519'),
    public_key bytea       NOT NULL CONSTRAINT truth_chain_keys_public_key_key UNIQUE
                                    CONSTRAINT truth_chain_keys_public_key_size CHECK (length(public_key) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
);

CREATE FUNCTION public.guard_truth_chain_keys() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ''
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.key_id, NEW.algorithm, NEW.public_key, NEW.created_at)
                            IS NOT DISTINCT FROM (OLD.key_id, OLD.algorithm, OLD.public_key, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'truth_chain_keys keeps every key: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER truth_chain_keys_keep BEFORE UPDATE OR DELETE ON public.truth_chain_keys
    FOR EACH ROW EXECUTE FUNCTION public.guard_truth_chain_keys();
CREATE TRIGGER truth_chain_keys_no_truncate BEFORE TRUNCATE ON public.truth_chain_keys
    FOR EACH STATEMENT EXECUTE FUNCTION public.guard_truth_chain_keys();

GRANT SELECT ON public.truth_chain_keys TO agentanchor_app;
GRANT SELECT, INSERT, UPDATE ON public.truth_chain_keys TO agentanchor_definer;
ALTER TABLE public.truth_chain_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.truth_chain_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY truth_chain_keys_select ON public.truth_chain_keys FOR SELECT USING (true);
CREATE POLICY truth_chain_keys_definer ON public.truth_chain_keys TO agentanchor_definer USING (true) WITH CHECK (true);
RESET ROLE;

SET LOCAL ROLE agentanchor_definer;
-- Makes a key the current one: published if new, un-retired if it was retired, and every other current key retired.
CREATE FUNCTION public.truth_chain_publish_key(p_key_id text, p_public_key bytea)
    RETURNS public.truth_chain_keys
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = ''
AS $$
DECLARE
    v_jwk text;
    v_row public.truth_chain_keys;
BEGIN
    -- RFC 7638 thumbprint of the RFC 8037 OKP JWK: required members in lexicographic order, base64url, no padding.
    v_jwk := '{"crv":"Ed25519","kty":"OKP","x":"'
             || pg_catalog.rtrim(pg_catalog.translate(pg_catalog.encode(p_public_key, 'base64'), '+/', '-_'), '=')
             || '"}';
    IF p_key_id IS DISTINCT FROM pg_catalog.rtrim(pg_catalog.translate(pg_catalog.encode(
            pg_catalog.sha256(pg_catalog.convert_to(v_jwk, 'UTF8')), 'base64'), '+/', '-_'), '=') THEN
        RAISE EXCEPTION 'key id % is not the thumbprint of the public key', p_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('agentanchor.truth_chain_keys'));
    INSERT INTO public.truth_chain_keys AS k (key_id, algorithm, public_key)
    VALUES (p_key_id, 'Ed25519', p_public_key)
    ON CONFLICT (key_id) DO UPDATE SET retired_at = NULL
    RETURNING * INTO v_row;
    UPDATE public.truth_chain_keys SET retired_at = pg_catalog.now()
     WHERE key_id <> p_key_id AND retired_at IS NULL;
    RETURN v_row;
END $$;
REVOKE ALL ON FUNCTION public.truth_chain_publish_key(text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.truth_chain_publish_key(text, bytea) TO agentanchor_app;
RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_definer;
--rollback DROP FUNCTION public.truth_chain_publish_key(text, bytea);
--rollback RESET ROLE;
--rollback SET LOCAL ROLE agentanchor_owner;
--rollback DROP TABLE public.truth_chain_keys;
--rollback DROP FUNCTION public.guard_truth_chain_keys();
--rollback RESET ROLE;
