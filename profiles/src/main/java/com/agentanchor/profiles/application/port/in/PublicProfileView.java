package com.agentanchor.profiles.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.agentanchor.profiles.domain.PublicProfile;

/**
 * A profile's public page: what its user says of themselves ({@code fullName}, {@code avatarUrl}), their storefront
 * ({@code storefrontName}, {@code storefrontBio}), their agents in public view (active) and their active listings.
 * Never the email or the token subject.
 */
public record PublicProfileView(UUID id, String fullName, String avatarUrl, String storefrontName,
        String storefrontBio, Instant memberSince, List<ShowcasedAgent> agents, List<ShowcasedListing> listings) {

    public static PublicProfileView of(PublicProfile p, List<ShowcasedAgent> agents, List<ShowcasedListing> listings) {
        return new PublicProfileView(p.id(), p.fullName(), p.avatarUrl(), p.storefrontName(), p.storefrontBio(),
                p.memberSince(), List.copyOf(agents), List.copyOf(listings));
    }
}
