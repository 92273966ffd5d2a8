package com.agentanchor.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens whose signature verified, so a client sending the same token on every request does not pay
 * for parsing it and checking its signature each time (an RSA verification and the claims' conversion were the
 * largest part of an authenticated read, issue 13). Only the signature check is remembered, keyed by the token's
 * exact text: every use still runs all the validators (expiry, issuer, audience, {@link CallerClaims}), so a token
 * stops working the moment it expires, as before. A token is remembered for {@link #REMEMBERED_FOR} at most, the
 * time a JWK set's keys are cached for anyway, so a key withdrawn from the issuer's set is not trusted any longer
 * than it would be without this. A token that fails is never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final int REMEMBERED_TOKENS = 10_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** {@code decoder} checks the signature and runs {@code validator}; a remembered token runs it again. */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var now = clock.instant();
        var known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            var result = validator.validate(known.jwt());
            if (result.hasErrors()) {
                verified.remove(token);
                var first = result.getErrors().iterator().next();
                throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                        + first.getDescription(), result.getErrors());
            }
            return known.jwt();
        }
        var jwt = decoder.decode(token);
        if (verified.size() >= REMEMBERED_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, now.plus(REMEMBERED_FOR)));
        return jwt;
    }
}
