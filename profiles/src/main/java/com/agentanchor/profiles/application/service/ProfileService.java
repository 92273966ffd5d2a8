package com.agentanchor.profiles.application.service;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.in.EmailAlreadyTaken;
import com.agentanchor.profiles.application.port.in.MissingEmail;
import com.agentanchor.profiles.application.port.in.NotificationChannels;
import com.agentanchor.profiles.application.port.in.NotificationRouting;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileManagement;
import com.agentanchor.profiles.application.port.in.ProfileProvisioning;
import com.agentanchor.profiles.application.port.in.ProfileRevision;
import com.agentanchor.profiles.application.port.in.ProfileView;
import com.agentanchor.profiles.application.port.out.Profiles;
import com.agentanchor.profiles.events.ProfileCreated;
import com.agentanchor.profiles.events.ProfileDeleted;

@Service
class ProfileService implements ProfileProvisioning, ProfileManagement, NotificationRouting {

    private final Profiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileService(Profiles profiles, ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ProfileId provision(AuthenticatedSubject subject) {
        if (subject.email() == null || subject.email().isBlank()) {
            throw new MissingEmail();
        }
        var provisioned = profiles.provision(subject).orElseThrow(() -> new EmailAlreadyTaken(subject.email()));
        if (provisioned.created()) {
            events.publishEvent(new ProfileCreated(UUID.randomUUID(), provisioned.id(), subject.email(), clock.instant()));
        }
        return new ProfileId(provisioned.id());
    }

    @Override
    @Transactional(readOnly = true)
    public ProfileView current(ProfileId caller) {
        return ProfileView.of(profiles.find(caller.value()).orElseThrow(() -> missing(caller)));
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationChannels channels(ProfileId recipient) {
        return NotificationChannels.of(profiles.find(recipient.value()).orElseThrow(() -> missing(recipient))
                .notificationPreferences());
    }

    @Override
    @Transactional
    public ProfileView revise(ProfileId caller, ProfileRevision r) {
        var profile = profiles.findForUpdate(caller.value()).orElseThrow(() -> missing(caller));
        var revised = profile.revise(r.fullName(), r.avatarUrl(), r.role(), r.notificationPreferences(),
                r.storefrontName(), r.storefrontBio());
        return ProfileView.of(profiles.save(revised));
    }

    @Override
    @Transactional
    public void delete(ProfileId caller) {
        events.publishEvent(new ProfileDeleted(UUID.randomUUID(), caller.value(), clock.instant()));
        profiles.deleteMine();
    }

    // The caller's own profile is provisioned before any request reaches a use case; its absence is a bug.
    private static IllegalStateException missing(ProfileId caller) {
        return new IllegalStateException("No visible profile " + caller + " for the acting user");
    }
}
