package com.agentanchor.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token must carry before anyone acts on it, whoever signed it: an expiry (a token without {@code exp} would
 * never die), and a subject, name and email that are text a database can store and a person can read (no control
 * characters such as NUL). A token that fails is refused with 401 like any invalid token, on every endpoint.
 */
final class CallerClaims implements OAuth2TokenValidator<Jwt> {

    static final int MAX_SUBJECT_LENGTH = 255;

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        var problems = new ArrayList<String>();
        if (token.getExpiresAt() == null) {
            problems.add("the token has no expiry (exp)");
        }
        var subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            problems.add("the token names no subject (sub)");
        } else if (subject.length() > MAX_SUBJECT_LENGTH) {
            problems.add("the subject (sub) is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        for (var claim : List.of("sub", "name", "email")) {
            if (token.getClaims().get(claim) instanceof String text && hasControlCharacters(text)) {
                problems.add("the claim " + claim + " holds control characters");
            }
        }
        return problems.isEmpty() ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(problems.stream()
                        .map(p -> new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, p, null)).toList());
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
