package com.agentanchor.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

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

    @Test
    void aPublicationGoesFromPublishedToCompletedWithoutAWriteInBetween() {
        var listener = "unmarked-processing-test-" + UUID.randomUUID();
        var publication = publications.create(TargetEventPublication.of("an event",
                PublicationTargetIdentifier.of(listener), Instant.now()));
        try {
            publications.markProcessing(publication.getIdentifier());
            assertThat(status(listener)).isEqualTo("PUBLISHED");

            publications.markCompleted(publication.getIdentifier(), Instant.now());
            assertThat(status(listener)).isEqualTo("COMPLETED");
        } finally {
            database.update("DELETE FROM event_publication WHERE listener_id = ?", listener);
        }
    }

    @Test
    void aPublicationClaimedForARetryIsStillMarkedWhenItsListenerStarts() {
        var listener = "unmarked-processing-test-" + UUID.randomUUID();
        var publication = publications.create(TargetEventPublication.of("an event",
                PublicationTargetIdentifier.of(listener), Instant.now()));
        try {
            assertThat(publications.markResubmitted(publication.getIdentifier(), Instant.now())).isTrue();
            assertThat(status(listener)).isEqualTo("RESUBMITTED");

            // Marked, the next retry can take it again if this delivery is cut off; "resubmitted" it could not.
            publications.markProcessing(publication.getIdentifier());
            assertThat(status(listener)).isEqualTo("PROCESSING");

            publications.markCompleted(publication.getIdentifier(), Instant.now());
            assertThat(status(listener)).isEqualTo("COMPLETED");
        } finally {
            database.update("DELETE FROM event_publication WHERE listener_id = ?", listener);
        }
    }

    private String status(String listener) {
        return database.query("SELECT status FROM event_publication WHERE listener_id = ?", String.class, listener);
    }
}
