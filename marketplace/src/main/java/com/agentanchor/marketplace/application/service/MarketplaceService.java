package com.agentanchor.marketplace.application.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.marketplace.application.port.in.Acquiring;
import com.agentanchor.marketplace.application.port.in.AcquisitionView;
import com.agentanchor.marketplace.application.port.in.Browsing;
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.NotAcquirable;
import com.agentanchor.marketplace.application.port.in.NotFound;
import com.agentanchor.marketplace.application.port.in.NotListable;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.marketplace.application.port.out.Acquisitions;
import com.agentanchor.marketplace.application.port.out.Listings;
import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class MarketplaceService implements Selling, Browsing, Acquiring {

    private final Listings listings;
    private final Acquisitions acquisitions;
    private final AgentCatalog agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarketplaceService(Listings listings, Acquisitions acquisitions, AgentCatalog agents,
            ApplicationEventPublisher events, Clock clock) {
        this.listings = listings;
        this.acquisitions = acquisitions;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ListingView list(ProfileId seller, NewListing listing) {
        var agent = agents.find(seller, new AgentId(listing.agentId()))
                .filter(a -> a.ownerId().equals(seller.value()))
                .orElseThrow(() -> new NotFound("No agent " + listing.agentId() + " of yours"));
        if (!agent.inPublicView()) {
            throw new NotListable("Agent " + agent.id() + " is not active: only graduated agents are listed");
        }
        listings.activeOf(agent.id()).ifPresent(existing -> {
            throw new NotListable("Agent " + agent.id() + " is listed already (listing " + existing.id() + ")");
        });
        return listings.insertActive(seller.value(), listing);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ListingView> catalogue(int limit) {
        return listings.active(limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ListingView> activeListingsOf(UUID sellerId, int limit) {
        return listings.activeOfSeller(sellerId, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public ListingView listing(UUID id) {
        return listings.find(id).orElseThrow(() -> new NotFound("No listing " + id));
    }

    @Override
    @Transactional
    public AcquisitionView acquire(ProfileId consumer, UUID listingId) {
        var listing = listings.find(listingId).filter(ListingView::onSale)
                .orElseThrow(() -> new NotFound("No listing " + listingId + " on sale"));
        if (listing.sellerId().equals(consumer.value())) {
            throw new NotAcquirable("Listing " + listingId + " is your own: sellers do not acquire their own agents");
        }
        // The agents' policies show the consumer an agent that is active, and their own ones.
        var agent = agents.find(consumer, new AgentId(listing.agentId()))
                .orElseThrow(() -> new NotAcquirable("The agent of listing " + listingId + " is not active"));
        if (agent.ownerId().equals(consumer.value())) {
            throw new NotAcquirable("Agent " + agent.id() + " is your own");
        }
        if (!agent.inPublicView()) {
            throw new NotAcquirable("The agent of listing " + listingId + " is not active");
        }
        if (acquisitions.holdsActive(listingId, consumer.value())) {
            throw new NotAcquirable("You hold an active acquisition of listing " + listingId + " already");
        }
        var acquisition = acquisitions.insertCommission(listing, consumer.value());
        events.publishEvent(new AgentAcquired(UUID.randomUUID(), acquisition.id(), listing.id(), agent.id(),
                agent.name(), listing.sellerId(), consumer.value(), acquisition.acquisitionType().name(),
                acquisition.commissionRateAtAcquisition(), consumer.value(), clock.instant()));
        return acquisition;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AcquisitionView> acquisitionsOf(ProfileId consumer) {
        return acquisitions.ofConsumer(consumer.value());
    }

    @Override
    @Transactional(readOnly = true)
    public AcquisitionView acquisition(UUID id) {
        return acquisitions.find(id).orElseThrow(() -> new NotFound("No acquisition " + id));
    }
}
