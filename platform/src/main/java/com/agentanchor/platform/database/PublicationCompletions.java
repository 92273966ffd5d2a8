package com.agentanchor.platform.database;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Event publications completed many at once (the delivery's grouped completions): what Modulith's repository writes
 * for one completion in the completion mode set in application.yaml ("delete"), for all of them in one statement.
 */
@Component
public class PublicationCompletions {

    private static final String COMPLETE = "DELETE FROM event_publication WHERE id = ANY (?::uuid[])";

    private final JdbcClient jdbc;

    PublicationCompletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Completes each publication: its row is deleted. */
    public void write(Collection<UUID> completed) {
        jdbc.sql(COMPLETE).param(completed.stream().map(UUID::toString).toArray(String[]::new)).update();
    }
}
