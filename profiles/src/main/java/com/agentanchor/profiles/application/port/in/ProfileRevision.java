package com.agentanchor.profiles.application.port.in;

import com.agentanchor.profiles.domain.NotificationPreferences;
import com.agentanchor.profiles.domain.UserRole;

/** The fields a user may change; {@code null} keeps a value, an empty string clears an optional text. */
public record ProfileRevision(
        String fullName,
        String avatarUrl,
        UserRole role,
        NotificationPreferences notificationPreferences,
        String storefrontName,
        String storefrontBio) {
}
