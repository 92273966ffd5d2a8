package com.agentanchor.platform.database;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Event publications marked completed many at once (the delivery's grouped completions): what Modulith's repository
 * writes for one completion in its default completion mode ("update", which the purge of completed publications
 * relies on too), for all of them in one statement.
 */
@Component
public class PublicationCompletions {

    private static final String COMPLETE = """
            UPDATE event_publication p SET status = 'COMPLETED', completion_date = c.at
              FROM unnest(?::uuid[], ?::timestamptz[]) AS c(id, at)
             WHERE p.id = c.id""";

    private final JdbcClient jdbc;

    PublicationCompletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks each publication completed at its instant. */
    public void write(Map<UUID, Instant> completedAt) {
        jdbc.sql(COMPLETE)
                .param(completedAt.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .param(completedAt.values().stream().map(Instant::toString).toArray(String[]::new))
                .update();
    }
}
