package com.agentanchor.council.application.service;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.agentanchor.council.application.port.in.DecisionExpiry;

/** Sweeps expired requests every {@code AGENTANCHOR_COUNCIL_EXPIRY_SWEEP} (60 s by default; 0 turns it off). */
@Component
class DecisionExpirySchedule implements SchedulingConfigurer {

    private final DecisionExpiry expiry;
    private final Duration sweep;

    DecisionExpirySchedule(DecisionExpiry expiry, @Value("${agentanchor.council.expiry-sweep:60s}") Duration sweep) {
        this.expiry = expiry;
        this.sweep = sweep;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!sweep.isZero()) {
            tasks.addFixedDelayTask(expiry::expireDue, sweep);
        }
    }
}
