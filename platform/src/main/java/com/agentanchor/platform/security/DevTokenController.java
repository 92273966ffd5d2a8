package com.agentanchor.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /dev/token}: a signed token for anyone who asks. Exists only in the local default, never once an
 * issuer or secret is configured.
 */
@RestController
@ConditionalOnWebApplication // its signing key comes with the security chain (SecurityConfiguration)
@Conditional(LocalAuth.class)
class DevTokenController {

    private final LocalTokens tokens;

    DevTokenController(LocalTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/dev/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        var email = request.email() != null ? request.email() : request.sub() + "@agentanchor.local";
        return new TokenResponse(tokens.issue(request.sub(), email, request.name()), "Bearer",
                LocalTokens.LIFETIME.toSeconds());
    }

    record TokenRequest(
            @NotBlank @Size(max = 128) @Pattern(regexp = "^[A-Za-z0-9._@|:-]+$",
                    message = "may hold letters, digits and . _ @ | : - only") String sub,
            @Email @Size(max = 254) String email,
            @Size(max = 200) String name) {
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }
}
