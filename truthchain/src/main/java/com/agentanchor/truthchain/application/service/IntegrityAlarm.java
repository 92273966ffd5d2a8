package com.agentanchor.truthchain.application.service;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.truthchain.domain.Finding;
import com.agentanchor.truthchain.events.ChainIntegrityViolated;

/**
 * Publishes {@link ChainIntegrityViolated} when a verification finds a broken link, once per link and defect:
 * verification is public, so anyone calling it again must not flood the alert's audience. Published in a
 * transaction of its own (verification reads outside one) so that the event publication registry keeps it.
 */
@Component
class IntegrityAlarm {

    private final Set<String> raised = ConcurrentHashMap.newKeySet();
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    IntegrityAlarm(ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void raiseIfBroken(Finding finding) {
        if (finding == null || !raised.add(finding.sequence() + " " + finding.defect())) {
            return;
        }
        try (var nobody = ActingProfile.enterAnonymous()) {
            ownTransaction.executeWithoutResult(status -> events.publishEvent(new ChainIntegrityViolated(
                    UUID.randomUUID(), finding.sequence(), finding.defect().name(), finding.reason(),
                    clock.instant())));
        }
    }
}
