package com.agentanchor.truthchain.application.service;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint shortly after records are appended ({@code AGENTANCHOR_TRUTHCHAIN_CHECKPOINT_INTERVAL},
 * 5 s by default), not only when someone reads {@code /head}: records appended after the last signed checkpoint
 * could otherwise be cut from the end of the chain without a trace, since nothing links past the last record. A
 * checkpoint is signed only when the chain grew and verifies ({@link VerifiedLog#head}); several instances sign the
 * same checkpoint for the same size. Zero turns the schedule off.
 */
@Component
class CheckpointSchedule implements SchedulingConfigurer {

    private final VerifiedLog log;
    private final Duration interval;

    CheckpointSchedule(VerifiedLog log,
            @Value("${agentanchor.truthchain.checkpoint-interval:5s}") Duration interval) {
        this.log = log;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!interval.isZero()) {
            tasks.addFixedDelayTask(log::head, interval);
        }
    }
}
