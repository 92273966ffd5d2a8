package com.agentanchor.platform.database;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events some listener has not yet handled (the event publication registry's incomplete publications). A job that
 * publishes many events and then exits, such as seeding the demo world, waits for none to be left: the listeners run
 * after commit on other threads, and whatever they have not done when the process exits waits for the next start.
 */
@Component
public class OutstandingEvents {

    private final JdbcClient jdbc;

    OutstandingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    /** Waits until every event is handled; false if some are still outstanding after {@code timeout}. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (count() > 0) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
