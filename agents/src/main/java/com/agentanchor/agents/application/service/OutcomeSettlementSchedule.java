package com.agentanchor.agents.application.service;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Settles outcome tallies nobody settled (their reporter gave up after its rounds, or its instance stopped between
 * commit and settling) every {@code AGENTANCHOR_AGENTS_OUTCOME_SWEEP} (1 s by default; 0 turns it off), once they have
 * waited that long. SKIP LOCKED in the database lets several instances sweep at once.
 */
@Component
class OutcomeSettlementSchedule implements SchedulingConfigurer {

    private final BehaviorService behavior;
    private final Duration sweep;

    OutcomeSettlementSchedule(BehaviorService behavior,
            @Value("${agentanchor.agents.outcome-sweep:1s}") Duration sweep) {
        this.behavior = behavior;
        this.sweep = sweep;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!sweep.isZero()) {
            tasks.addFixedDelayTask(() -> behavior.settleUnsettled(sweep), sweep);
        }
    }
}
