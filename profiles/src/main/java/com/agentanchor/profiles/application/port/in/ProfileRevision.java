package com.agentanchor.profiles.application.port.in;

import org.springframework.modulith.NamedInterface;

import com.agentanchor.profiles.domain.NotificationPreferences;
import com.agentanchor.profiles.domain.UserRole;

/**
 * The fields a user may change; {@code null} keeps a value, an empty string clears an optional text.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (UserRole, NotificationPreferences), which callers in other modules need.
 */
@NamedInterface("api")
public record ProfileRevision(
        String fullName,
        String avatarUrl,
        UserRole role,
        NotificationPreferences notificationPreferences,
        String storefrontName,
        String storefrontBio) {
}
