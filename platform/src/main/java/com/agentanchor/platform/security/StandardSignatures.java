package com.agentanchor.platform.security;

import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;

/**
 * Keys from a JWK set verify the signatures issuers use today: RSA (RS256…, PS256…), ECDSA (ES256: Supabase's
 * current keys) and EdDSA (Ed25519). The key that verifies a token is chosen by the token's {@code alg} and the
 * key's {@code kty}/{@code crv}/{@code kid}, never one of another kind, so HS256 "signed" with a public key fails.
 * Nimbus selects RSA and EC keys as Java keys; an Ed25519 JWK has no Java form there, so it is carried through as
 * itself to Nimbus's own Ed25519 verifier.
 */
final class StandardSignatures {

    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final Set<JWSAlgorithm> EDWARDS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private StandardSignatures() {
    }

    /** For Spring's decoder builders: keeps their JWK source, widens what it verifies. */
    static void accept(ConfigurableJWTProcessor<SecurityContext> processor) {
        var keys = ((JWSVerificationKeySelector<SecurityContext>) processor.getJWSKeySelector()).getJWKSource();
        processor.setJWSKeySelector(selector(keys));
        processor.setJWSVerifierFactory(new EdwardsAwareVerifiers());
    }

    private static JWSKeySelector<SecurityContext> selector(JWKSource<SecurityContext> keys) {
        var javaKeys = new JWSVerificationKeySelector<>(ACCEPTED, keys);
        return (header, context) -> {
            if (!EDWARDS.contains(header.getAlgorithm())) {
                return javaKeys.selectJWSKeys(header, context);
            }
            List<Key> edwards = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context).stream()
                    .filter(OctetKeyPair.class::isInstance)
                    .<Key>map(jwk -> new EdwardsKey(((OctetKeyPair) jwk).toPublicJWK())).toList();
            return edwards;
        };
    }

    /** An Ed25519 public JWK passed where Nimbus expects a {@link Key}. */
    private record EdwardsKey(OctetKeyPair jwk) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return "Ed25519";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    private static final class EdwardsAwareVerifiers implements JWSVerifierFactory {

        private final DefaultJWSVerifierFactory standard = new DefaultJWSVerifierFactory();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            return key instanceof EdwardsKey edwards ? new Ed25519Verifier(edwards.jwk())
                    : standard.createJWSVerifier(header, key);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ACCEPTED;
        }

        @Override
        public JCAContext getJCAContext() {
            return standard.getJCAContext();
        }
    }
}
