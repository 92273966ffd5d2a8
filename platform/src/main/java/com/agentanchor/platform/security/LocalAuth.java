package com.agentanchor.platform.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no issuer, JWK set or shared secret is configured: the app then issues its own tokens. */
class LocalAuth implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("agentanchor.auth", AuthProperties.class)
                .map(AuthProperties::local)
                .orElse(true);
    }
}
