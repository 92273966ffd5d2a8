package com.agentanchor.platform.security;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import com.agentanchor.platform.database.DatabaseEnvironmentPostProcessor;

/**
 * Refuses to start, before anything connects anywhere, with token verification that would not hold: no way to
 * verify tokens on a deployed database (development tokens would let anyone be anyone), or an HS256 secret too
 * short to be safe (RFC 7518 §3.2: at least as long as the hash, 32 bytes). An application that serves no HTTP
 * takes no tokens, so it is not held to this.
 */
public class AuthEnvironmentCheck implements EnvironmentPostProcessor, Ordered {

    static final int MIN_HS256_SECRET_BYTES = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (application.getWebApplicationType() == WebApplicationType.NONE) {
            return; // no HTTP, no tokens to verify: the database commands (README, "Database operations")
        }
        var auth = Binder.get(env).bind("agentanchor.auth", AuthProperties.class).orElse(AuthProperties.NONE);
        if (!AuthProperties.blank(auth.hs256Secret())
                && auth.hs256Secret().getBytes(StandardCharsets.UTF_8).length < MIN_HS256_SECRET_BYTES) {
            throw new UnsafeAuthSetting("AGENTANCHOR_AUTH_HS256_SECRET is shorter than " + MIN_HS256_SECRET_BYTES
                    + " bytes, too short to verify HS256 tokens safely.");
        }
        if (auth.local() && !devTokensAllowed(env, auth)) {
            throw new UnsafeAuthSetting("No way to verify tokens is configured for this database: set "
                    + "AGENTANCHOR_AUTH_ISSUER_URI, AGENTANCHOR_AUTH_JWK_SET_URI or AGENTANCHOR_AUTH_HS256_SECRET "
                    + "(or AGENTANCHOR_AUTH_DEV_TOKENS=true to let anyone mint development tokens).");
        }
    }

    /** Development tokens: with the embedded database, or when explicitly asked for. */
    static boolean devTokensAllowed(Environment env, AuthProperties auth) {
        return Boolean.TRUE.equals(auth.devTokens())
                || env.getProperty(DatabaseEnvironmentPostProcessor.EMBEDDED_IN_USE, Boolean.class, false);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
