package com.agentanchor.platform.delivery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Modulith keeps a completed publication's row (completion mode "update"): a row per listener per event, for ever,
 * and every new publication is written to that table's indexes. Completed ones are kept for
 * {@code AGENTANCHOR_EVENTS_KEEP_COMPLETED} (7 days by default: long enough to see what was delivered and when),
 * then deleted, hourly; incomplete ones are never touched here (they are retried until delivered).
 */
@Component
class CompletedPublicationPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedPublicationPurge.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedPublicationPurge(CompletedEventPublications completed,
            @Value("${agentanchor.events.keep-completed:7d}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purge() {
        log.debug("Deleting event publications completed more than {} ago", keep);
        completed.deletePublicationsOlderThan(keep);
    }
}
