--liquibase formatted sql

--changeset agentanchor:truthchain-function-truth-chain-publish-key runOnChange:true splitStatements:false
--comment: The current text of truth_chain_publish_key(): change it here, and Liquibase applies it again on the next start.
-- Until this file, 002-truth-chain-keys.sql held its last version; applied changesets keep theirs as history.
-- CREATE OR REPLACE keeps the function's owner and grants.
SET LOCAL ROLE agentanchor_definer;
-- Makes a key the current one: published if new, un-retired if it was retired, and every other current key retired.
CREATE OR REPLACE FUNCTION public.truth_chain_publish_key(p_key_id text, p_public_key bytea)
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
RESET ROLE;
--rollback empty
