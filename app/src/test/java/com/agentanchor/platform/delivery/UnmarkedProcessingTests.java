package com.agentanchor.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

@IntegrationTest
class UnmarkedProcessingTests {

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    OwnerDatabase database;

    private final String listener = "unmarked-processing-test-" + UUID.randomUUID();

    @AfterEach
    void deletePublication() {
        database.update("DELETE FROM event_publication WHERE listener_id = ?", listener);
    }

    @Test
    void aPublicationGoesFromPublishedToCompletedWithoutAWriteInBetween() {
        var publication = publish();

        publications.markProcessing(publication);
        assertThat(status()).isEqualTo("PUBLISHED");

        publications.markCompleted(publication, Instant.now());
        assertThat(status()).as("completed: deleted").isNull();
    }

    @Test
    void aPublicationClaimedForARetryIsStillMarkedWhenItsListenerStarts() {
        var publication = publish();
        assertThat(publications.markResubmitted(publication, Instant.now())).isTrue();
        assertThat(status()).isEqualTo("RESUBMITTED");

        // Marked, the next retry can take it again if this delivery is cut off; "resubmitted" it could not.
        publications.markProcessing(publication);
        assertThat(status()).isEqualTo("PROCESSING");

        publications.markCompleted(publication, Instant.now());
        assertThat(status()).as("completed: deleted").isNull();
    }

    /** A publication of an event to this test's listener; its identifier. */
    private UUID publish() {
        return publications.create(TargetEventPublication.of("an event", PublicationTargetIdentifier.of(listener),
                Instant.now())).getIdentifier();
    }

    /** The publication's status; null once it is completed (its row deleted). */
    private String status() {
        var rows = database.rows("SELECT status FROM event_publication WHERE listener_id = ?", listener);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}
