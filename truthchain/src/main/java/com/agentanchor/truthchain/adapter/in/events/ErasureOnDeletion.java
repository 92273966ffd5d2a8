package com.agentanchor.truthchain.adapter.in.events;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.agentanchor.profiles.events.ProfileDeleted;
import com.agentanchor.truthchain.application.port.in.PrivateFieldsErasure;

/**
 * A deleted profile's private fields leave the truth chain with it. Synchronous, in the deleting transaction and
 * before its rows go: erasure finds the user's records through their agents, decisions and acquisitions, which the
 * deletion then removes; if either fails, neither happens.
 */
@Component
class ErasureOnDeletion {

    private final PrivateFieldsErasure erasure;

    ErasureOnDeletion(PrivateFieldsErasure erasure) {
        this.erasure = erasure;
    }

    @EventListener
    void on(ProfileDeleted e) {
        erasure.eraseMine(); // the deleting user is the one acting
    }
}
