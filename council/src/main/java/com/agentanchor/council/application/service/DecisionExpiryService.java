package com.agentanchor.council.application.service;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.council.application.port.in.DecisionExpiry;
import com.agentanchor.council.application.port.out.Decisions;

/**
 * The database picks the due rows with SKIP LOCKED, so several instances sweeping at once share the work. An expiry
 * is a rejection that moves no trust; nobody acted, so the news names no actor.
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
        var expired = decisions.expireDue();
        for (var e : expired) {
            events.publishEvent(e.decision().made(e.agentName(), e.ownerId(), e.publicAgent(), null,
                    clock.instant()));
        }
        return expired.size();
    }
}
