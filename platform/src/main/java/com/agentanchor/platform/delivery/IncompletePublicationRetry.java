package com.agentanchor.platform.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At-least-once delivery: listeners that failed (Pusher down, a database hiccup) leave their publication
 * incomplete; this resubmits those older than the retry interval, every interval, until they complete. Start-up
 * picks up the rest ({@code republish-outstanding-events-on-restart}). Delivery is at least once, so listeners must
 * tolerate a repeat: realtime payloads carry an event id for clients to de-duplicate.
 */
@Component
class IncompletePublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationRetry.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;

    IncompletePublicationRetry(IncompleteEventPublications publications,
            @Value("${agentanchor.events.retry-interval:30s}") Duration interval) {
        this.publications = publications;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${agentanchor.events.retry-interval:30s}",
            fixedDelayString = "${agentanchor.events.retry-interval:30s}")
    void retry() {
        log.debug("Resubmitting event publications incomplete for more than {}", interval);
        publications.resubmitIncompletePublicationsOlderThan(interval);
    }
}
