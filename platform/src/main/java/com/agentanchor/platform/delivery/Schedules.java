package com.agentanchor.platform.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the platform's publication retry and the modules' own schedules (checkpoints, the council's expiry sweep).
 * {@code agentanchor.scheduling.enabled=false} leaves them all off: the database commands do one job and exit, and a
 * sweep or a checkpoint racing with them would only get in the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "agentanchor.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class Schedules {
}
