package com.agentanchor.profiles.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.profiles.domain.NotificationPreferences;
import com.agentanchor.profiles.domain.Profile;
import com.agentanchor.profiles.domain.SubscriptionTier;
import com.agentanchor.profiles.domain.UserRole;

/** A profile as its owner sees it. */
public record ProfileView(
        UUID id,
        String email,
        String fullName,
        String avatarUrl,
        UserRole role,
        SubscriptionTier subscriptionTier,
        NotificationPreferences notificationPreferences,
        String storefrontName,
        String storefrontBio,
        Instant createdAt,
        Instant updatedAt) {

    public static ProfileView of(Profile p) {
        return new ProfileView(p.id(), p.email(), p.fullName(), p.avatarUrl(), p.role(), p.subscriptionTier(),
                p.notificationPreferences(), p.storefrontName(), p.storefrontBio(), p.createdAt(), p.updatedAt());
    }
}
