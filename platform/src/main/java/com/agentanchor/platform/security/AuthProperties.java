package com.agentanchor.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an OIDC issuer or a JWK set (any provider, Supabase's JWKS included), an HS256
 * shared secret (Supabase's legacy JWT secret), or, with none of them, the local default where the app signs its
 * own tokens at {@code POST /dev/token}: only with the embedded database, or when {@code devTokens} is set.
 * {@code issuer} is the {@code iss} a JWK set's or a shared secret's tokens must carry (an issuer URI is its own).
 */
@ConfigurationProperties("agentanchor.auth")
record AuthProperties(String issuerUri, String jwkSetUri, String hs256Secret, String issuer, String audience,
        Boolean devTokens) {

    static final AuthProperties NONE = new AuthProperties(null, null, null, null, null, null);

    boolean local() {
        return blank(issuerUri) && blank(jwkSetUri) && blank(hs256Secret);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
