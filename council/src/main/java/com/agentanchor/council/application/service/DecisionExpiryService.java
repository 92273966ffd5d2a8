package com.agentanchor.council.application.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.council.application.port.in.DecisionExpiry;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.application.port.out.LapsedDecision;

/**
 * The database picks the due rows with SKIP LOCKED, so several instances sweeping at once share the work. A lapse
 * (an expiry, or a retirement's) is a rejection that moves no trust; no one decided it, so the news names no actor.
 */
@Service
class DecisionExpiryService implements DecisionExpiry {

    private final Decisions decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DecisionExpiryService(Decisions decisions, ApplicationEventPublisher events, Clock clock) {
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int expireDue() {
        return announce(decisions.expireDue());
    }

    @Override
    @Transactional
    public int lapseForRetiredAgent(UUID agentId) {
        return announce(decisions.lapseForRetiredAgent(agentId));
    }

    private int announce(List<LapsedDecision> lapsed) {
        for (var e : lapsed) {
            events.publishEvent(e.decision().made(e.agentName(), e.ownerId(), e.publicAgent(), null,
                    clock.instant()));
        }
        return lapsed.size();
    }
}
