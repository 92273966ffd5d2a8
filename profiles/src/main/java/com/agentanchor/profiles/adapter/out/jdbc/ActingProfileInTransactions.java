package com.agentanchor.profiles.adapter.out.jdbc;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.agentanchor.platform.database.TransactionActor;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/** Hands the acting profile to the platform's transaction manager, which tells row-level security. */
@Component
class ActingProfileInTransactions implements TransactionActor {

    @Override
    public Optional<String> currentUserId() {
        return ActingProfile.current().map(ProfileId::toString);
    }

    @Override
    public boolean currentUserIsAdmin() {
        return ActingProfile.isAdmin();
    }
}
