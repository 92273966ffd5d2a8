package com.agentanchor.platform.database;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    EventPublicationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agentanchor.events.publications.incomplete", this::incomplete)
                .description("Event publications not yet completed by their listener")
                .register(registry);
    }

    private double incomplete() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }
}
