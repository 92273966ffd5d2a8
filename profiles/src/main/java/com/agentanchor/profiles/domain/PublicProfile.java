package com.agentanchor.profiles.domain;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What anyone may know of a profile: the name and avatar its user chose, and their storefront. Never the email, the
 * token subject, the role, the subscription or the notification settings.
 */
@ValueObject
public record PublicProfile(UUID id, String fullName, String avatarUrl, String storefrontName, String storefrontBio,
        Instant memberSince) {
}
