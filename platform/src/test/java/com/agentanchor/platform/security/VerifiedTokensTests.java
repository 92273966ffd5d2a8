package com.agentanchor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger signatureChecks = new AtomicInteger();
    /** Expiry as the real validators check it, against the same clock. */
    private final OAuth2TokenValidator<Jwt> notExpired = jwt -> now.isBefore(jwt.getExpiresAt())
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null));
    /**
     * Stands for the signature check: only tokens named "good-…" verify ("good-short-…" for 3 minutes, the others
     * for 30); then it runs the validators, as Nimbus does.
     */
    private final JwtDecoder signatures = token -> {
        signatureChecks.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        var jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(START).expiresAt(START.plus(Duration.ofMinutes(token.startsWith("good-short-") ? 3 : 30)))
                .build();
        var result = notExpired.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("expired", result.getErrors());
        }
        return jwt;
    };
    private final VerifiedTokens tokens = new VerifiedTokens(signatures, notExpired, clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("someone");
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("someone");
        assertThat(tokens.decode("good-2").getSubject()).isEqualTo("someone");

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        tokens.decode("good-short-1");
        now = START.plus(Duration.ofMinutes(2));
        tokens.decode("good-short-1");
        now = START.plus(Duration.ofMinutes(3));

        assertThatThrownBy(() -> tokens.decode("good-short-1")).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void theSignatureIsCheckedAgainAfterFiveMinutes() {
        tokens.decode("good-1");
        now = START.plus(VerifiedTokens.REMEMBERED_FOR);
        tokens.decode("good-1");

        assertThat(signatureChecks).hasValue(2);
    }
}
