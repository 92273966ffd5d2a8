package com.agentanchor.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

@IntegrationTest
class CompletedPublicationPurgeTests {

    @Autowired
    CompletedPublicationPurge purge;

    @Autowired
    OwnerDatabase database;

    @Test
    void completedPublicationsAreDeletedOnceKeptLongEnoughAndIncompleteOnesNever() {
        var listener = "purge-test-" + UUID.randomUUID();
        var longDone = publication(listener, "8 days", "8 days");
        var recentlyDone = publication(listener, "8 days", "1 hour");
        var neverDone = publication(listener, "8 days", null);
        try {
            purge.purge();

            assertThat(database.rows("SELECT id::text AS id FROM event_publication WHERE listener_id = ?", listener))
                    .extracting(row -> row.get("id")).containsExactlyInAnyOrder(recentlyDone, neverDone)
                    .doesNotContain(longDone);
        } finally {
            database.update("DELETE FROM event_publication WHERE listener_id = ?", listener);
        }
    }

    /** A publication made {@code age} ago, completed {@code completedAgo} ago (or not at all). */
    private String publication(String listener, String age, String completedAgo) {
        var id = UUID.randomUUID().toString();
        database.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, "
                + "publication_date, completion_date, status) VALUES (?::uuid, ?, 'java.lang.String', '\"x\"', "
                + "now() - ?::interval, now() - ?::interval, ?)", id, listener, age, completedAgo,
                completedAgo == null ? "PUBLISHED" : "COMPLETED");
        return id;
    }
}
