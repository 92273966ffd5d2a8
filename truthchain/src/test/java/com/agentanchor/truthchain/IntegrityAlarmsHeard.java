package com.agentanchor.truthchain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.agentanchor.truthchain.events.ChainIntegrityViolated;

/**
 * Stands in, in this module's tests, for the realtime module, which turns every alarm into a {@code system-alert}:
 * with a listener, the event publication registry keeps each {@link ChainIntegrityViolated} the chain publishes,
 * and the tamper tests count them there. Picked up by the component scan of every context these tests start.
 */
@Component
class IntegrityAlarmsHeard {

    @ApplicationModuleListener
    void on(ChainIntegrityViolated alarm) {
        // heard; the registry holds the publication
    }
}
