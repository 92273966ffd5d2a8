package com.agentanchor.realtime.application.service;

import java.util.UUID;

import org.springframework.stereotype.Service;

import com.agentanchor.council.application.port.in.ValidatorPresence;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.realtime.RealtimeChannels;
import com.agentanchor.realtime.application.port.in.CouncilPresence;

/** Presence on {@code presence-council}, turned into the council's knowledge of which validators are online. */
@Service
class CouncilPresenceService implements CouncilPresence {

    private final ValidatorPresence council;

    CouncilPresenceService(ValidatorPresence council) {
        this.council = council;
    }

    @Override
    public void memberAdded(String channel, String userId) {
        validator(channel, userId).ifPresent(council::joined);
    }

    @Override
    public void memberRemoved(String channel, String userId) {
        validator(channel, userId).ifPresent(council::left);
    }

    private static java.util.Optional<ProfileId> validator(String channel, String userId) {
        if (!RealtimeChannels.PRESENCE_COUNCIL.equals(channel)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new ProfileId(UUID.fromString(userId)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // not one of our profile ids: nothing we signed
        }
    }
}
