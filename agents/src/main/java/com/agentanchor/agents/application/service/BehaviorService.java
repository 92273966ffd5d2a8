package com.agentanchor.agents.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.agents.application.port.in.AgentBehavior;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.application.port.out.SettledOutcomes;
import com.agentanchor.agents.domain.TrustTier;
import com.agentanchor.agents.events.TrustChanged;

@Service
class BehaviorService implements AgentBehavior {

    /**
     * Settling rounds after a report's commit. Each round settles everything committed before it; under a steady
     * stream of one agent's reports every round finds more, so the reporter stops after a few and the next report
     * (or the sweep, {@link #settleUnsettled}) takes over.
     */
    static final int ROUNDS = 3;

    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BehaviorService(Agents agents, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.agents = agents;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean recordOutcomes(CallingAgent caller, int successes, int failures) {
        if (successes + failures == 0) {
            return false;
        }
        agents.recordOutcomes(successes, failures);
        return agents.settleOutcomes().map(this::announce).isPresent();
    }

    @Override
    public void settleOutcomes(CallingAgent caller) {
        for (int round = 0; round < ROUNDS; round++) {
            var settled = transactions.execute(status -> agents.settleOutcomes().map(this::announce));
            if (settled == null || settled.isEmpty()) {
                return;
            }
        }
    }

    /** Tallies left waiting longer than {@code waited} (a reporter gave up after its rounds, or stopped). */
    @Transactional
    int settleUnsettled(Duration waited) {
        var settled = agents.settleUnsettled(waited);
        settled.forEach(this::announce);
        return settled.size();
    }

    private SettledOutcomes announce(SettledOutcomes settled) {
        var move = settled.trust();
        if (move.newScore() != move.previousScore()) {
            events.publishEvent(new TrustChanged(UUID.randomUUID(), settled.agentId(), settled.name(),
                    settled.ownerId(), move.previousScore(), move.newScore(), TrustSource.behavior_analysis.name(),
                    "%d successful and %d failed interactions reported".formatted(settled.successes(),
                            settled.failures()),
                    TrustTier.of(move.previousScore()).label(), TrustTier.of(move.newScore()).label(),
                    settled.status().inPublicView(), null, null, clock.instant()));
        }
        return settled;
    }
}
