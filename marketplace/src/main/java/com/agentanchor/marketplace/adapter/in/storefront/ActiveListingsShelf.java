package com.agentanchor.marketplace.adapter.in.storefront;

import java.util.List;

import org.springframework.stereotype.Component;

import com.agentanchor.marketplace.application.port.in.Browsing;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ShowcasedListing;
import com.agentanchor.profiles.application.port.in.StorefrontShelves;

/** A seller's listings on sale, on their public page ({@code GET /api/profiles/{id}}). */
@Component
class ActiveListingsShelf implements StorefrontShelves.Listings {

    private final Browsing browsing;

    ActiveListingsShelf(Browsing browsing) {
        this.browsing = browsing;
    }

    @Override
    public List<ShowcasedListing> activeListingsOf(ProfileId seller, int limit) {
        return browsing.activeListingsOf(seller.value(), limit).stream()
                .map(l -> new ShowcasedListing(l.id(), l.agentId(), l.title(), l.description(), l.commissionRate(),
                        l.category(), l.tags(), l.acquisitionCount(), l.publishedAt()))
                .toList();
    }
}
