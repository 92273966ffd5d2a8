package com.agentanchor.platform.database;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code agentanchor.events.publications.incomplete}: events some listener has not yet handled. A number that
 * stays above zero means a listener keeps failing (Pusher down, a bug) and its events wait for a retry.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final OutstandingEvents outstanding;

    EventPublicationMetrics(OutstandingEvents outstanding) {
        this.outstanding = outstanding;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agentanchor.events.publications.incomplete", outstanding::count)
                .description("Event publications not yet completed by their listener")
                .register(registry);
    }
}
