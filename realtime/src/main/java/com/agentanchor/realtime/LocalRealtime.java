package com.agentanchor.realtime;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Pusher credentials are configured: the app then serves the Pusher protocol itself. */
class LocalRealtime implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("agentanchor.realtime", RealtimeProperties.class)
                .map(RealtimeProperties::local)
                .orElse(true);
    }
}
