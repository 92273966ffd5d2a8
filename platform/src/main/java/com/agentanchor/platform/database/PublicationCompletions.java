package com.agentanchor.platform.database;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Event publications completed many at once (the delivery's grouped completions): what Modulith's repository writes
 * for one completion in the completion mode set in application.yaml ("delete"), for all of them in one statement.
 * <p>
 * Its commit does not wait for the disk ({@code synchronous_commit} off, for this transaction only): a completion
 * lost in a crash leaves its publication incomplete, and the retry delivers it again, as it does for a completion
 * lost with the instance. Waiting, each completion's flush was one more that the requests' own commits queued behind.
 */
@Component
public class PublicationCompletions {

    private static final String COMPLETE = """
            WITH not_waiting AS (SELECT set_config('synchronous_commit', 'off', true))
            DELETE FROM event_publication WHERE id = ANY (?::uuid[]) AND EXISTS (SELECT FROM not_waiting)""";

    private final JdbcClient jdbc;

    PublicationCompletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Completes each publication: its row is deleted. */
    public void write(Collection<UUID> completed) {
        jdbc.sql(COMPLETE).param(completed.stream().map(UUID::toString).toArray(String[]::new)).update();
    }
}
