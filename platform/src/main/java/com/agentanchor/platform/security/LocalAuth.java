package com.agentanchor.platform.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when no issuer, JWK set or shared secret is configured and development tokens are allowed (the embedded
 * database, or {@code AGENTANCHOR_AUTH_DEV_TOKENS=true}): the app then issues its own tokens. Otherwise
 * {@link AuthEnvironmentCheck} has already refused to start.
 */
class LocalAuth implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        var auth = Binder.get(env).bind("agentanchor.auth", AuthProperties.class).orElse(AuthProperties.NONE);
        return auth.local() && AuthEnvironmentCheck.devTokensAllowed(env, auth);
    }
}
