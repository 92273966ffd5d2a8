package com.agentanchor.council.application.service;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.agentanchor.council.application.port.in.ValidatorPresence;
import com.agentanchor.council.events.ValidatorAvailabilityChanged;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * Presence is live state, not history: it is kept in memory and rebuilt by the realtime layer's hooks. The
 * announcements go out as plain application events (no transaction to follow), for whoever reacts in-process.
 */
@Service
class ValidatorRoster implements ValidatorPresence {

    private final Set<ProfileId> online = ConcurrentHashMap.newKeySet();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ValidatorRoster(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void joined(ProfileId validator) {
        if (online.add(validator)) {
            announce(validator, true);
        }
    }

    @Override
    public void left(ProfileId validator) {
        if (online.remove(validator)) {
            announce(validator, false);
        }
    }

    @Override
    public Set<ProfileId> online() {
        return Set.copyOf(online);
    }

    private void announce(ProfileId validator, boolean nowOnline) {
        events.publishEvent(new ValidatorAvailabilityChanged(UUID.randomUUID(), validator.value(), nowOnline,
                online.size(), clock.instant()));
    }
}
