package com.agentanchor.profiles.application.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.Appointment;
import com.agentanchor.profiles.application.port.in.CouncilMembership;
import com.agentanchor.profiles.application.port.in.NotAnAdmin;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileNotFound;
import com.agentanchor.profiles.application.port.in.ValidatorView;
import com.agentanchor.profiles.application.port.out.Validators;
import com.agentanchor.profiles.events.ValidatorAppointed;
import com.agentanchor.profiles.events.ValidatorDismissed;

/** The admin check here answers 403 early; the definer functions refuse a non-admin again in the database. */
@Service
class CouncilMembershipService implements CouncilMembership {

    private final Validators validators;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CouncilMembershipService(Validators validators, ApplicationEventPublisher events, Clock clock) {
        this.validators = validators;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Appointment appoint(ProfileId admin, ProfileId profile) {
        requireAdmin();
        var appointment = validators.grant(profile.value())
                .orElseThrow(() -> new ProfileNotFound("No profile " + profile));
        if (appointment.seatedNow()) { // a second appointment is no second public record of one seat
            events.publishEvent(new ValidatorAppointed(UUID.randomUUID(), profile.value(), admin.value(),
                    clock.instant()));
        }
        return appointment;
    }

    @Override
    @Transactional
    public void dismiss(ProfileId admin, ProfileId profile) {
        requireAdmin();
        if (!validators.revoke(profile.value())) {
            throw new ProfileNotFound("Profile " + profile + " is not a validator");
        }
        events.publishEvent(new ValidatorDismissed(UUID.randomUUID(), profile.value(), admin.value(),
                clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ValidatorView> validators() {
        return validators.all();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isValidator(ProfileId caller) {
        return validators.actingUserIsValidator();
    }

    private static void requireAdmin() {
        if (!ActingProfile.isAdmin()) {
            throw new NotAnAdmin();
        }
    }
}
