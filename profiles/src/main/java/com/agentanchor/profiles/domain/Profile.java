package com.agentanchor.profiles.domain;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/** A person's profile as stored; the email and subscription tier are not the user's to edit here. */
@AggregateRoot
public record Profile(
        @Identity UUID id,
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

    /**
     * Applies the fields a user may change. {@code null} keeps a value; an empty string clears an optional text.
     */
    public Profile revise(String fullName, String avatarUrl, UserRole role, NotificationPreferences preferences,
            String storefrontName, String storefrontBio) {
        return new Profile(id, email, revised(this.fullName, fullName), revised(this.avatarUrl, avatarUrl),
                role != null ? role : this.role, subscriptionTier,
                preferences != null ? preferences : notificationPreferences,
                revised(this.storefrontName, storefrontName), revised(this.storefrontBio, storefrontBio),
                createdAt, updatedAt);
    }

    private static String revised(String current, String requested) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.strip();
    }
}
