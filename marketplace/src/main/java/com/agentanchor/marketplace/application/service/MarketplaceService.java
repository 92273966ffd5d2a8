package com.agentanchor.marketplace.application.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentRegistration;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.RegisterAgent;
import com.agentanchor.marketplace.application.port.in.Acquiring;
import com.agentanchor.marketplace.application.port.in.AcquisitionView;
import com.agentanchor.marketplace.application.port.in.Browsing;
import com.agentanchor.marketplace.application.port.in.InvalidMarketplaceRequest;
import com.agentanchor.marketplace.application.port.in.ListingQuery;
import com.agentanchor.marketplace.application.port.in.ListingRevision;
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.NotAcquirable;
import com.agentanchor.marketplace.application.port.in.NotChangeable;
import com.agentanchor.marketplace.application.port.in.NotFound;
import com.agentanchor.marketplace.application.port.in.NotListable;
import com.agentanchor.marketplace.application.port.in.NotYours;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.marketplace.application.port.out.Acquisitions;
import com.agentanchor.marketplace.application.port.out.Listings;
import com.agentanchor.marketplace.domain.Acquisition;
import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.marketplace.domain.Listing;
import com.agentanchor.marketplace.domain.ListingStatus;
import com.agentanchor.marketplace.domain.Terms;
import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class MarketplaceService implements Selling, Browsing, Acquiring {

    private final Listings listings;
    private final Acquisitions acquisitions;
    private final AgentCatalog agents;
    private final AgentRegistration registration;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarketplaceService(Listings listings, Acquisitions acquisitions, AgentCatalog agents,
            AgentRegistration registration, ApplicationEventPublisher events, Clock clock) {
        this.listings = listings;
        this.acquisitions = acquisitions;
        this.agents = agents;
        this.registration = registration;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ListingView list(ProfileId seller, NewListing l) {
        var agent = agents.find(seller, new AgentId(l.agentId()))
                .filter(a -> a.ownerId().equals(seller.value()))
                .orElseThrow(() -> new NotFound("No agent " + l.agentId() + " of yours"));
        if (!agent.inPublicView()) {
            throw new NotListable("Agent " + agent.id() + " is not active: only graduated agents are listed");
        }
        l.terms().whyInvalid().ifPresent(MarketplaceService::invalid);
        listings.activeOf(agent.id()).ifPresent(existing -> {
            throw new NotListable("Agent " + agent.id() + " is listed already (listing " + existing.id() + ")");
        });
        var listing = Listing.publish(agent.id(), seller.value(), l.title(), l.description(), l.terms(),
                l.category(), l.tags(), l.previewConfig(), l.status(), clock.instant());
        return ListingView.of(listings.insert(listing));
    }

    @Override
    @Transactional
    public ListingView revise(ProfileId seller, UUID listingId, ListingRevision r) {
        var listing = listings.find(listingId).orElseThrow(() -> new NotFound("No listing " + listingId));
        if (!listing.isSoldBy(seller.value())) {
            throw new NotYours("Listing " + listingId + " is not yours");
        }
        var terms = revisedTerms(listing.terms(), r);
        if (terms != null) {
            listing.whyNotOffer(terms).ifPresent(MarketplaceService::invalid);
        }
        var revised = listing.revise(r.title(), r.description(), terms, r.category(), r.tags(), r.previewConfig(),
                r.status(), clock.instant())
                .orElseThrow(() -> new NotListable("A " + listing.status() + " listing does not become " + r.status()));
        if (revised.status() == ListingStatus.active && listing.status() != ListingStatus.active) {
            var agent = agents.find(seller, new AgentId(listing.agentId())).filter(AgentView::inPublicView);
            if (agent.isEmpty()) {
                throw new NotListable("Agent " + listing.agentId() + " is not active: its listing stays off sale");
            }
        }
        return ListingView.of(listings.update(revised));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ListingView> listingsOf(ProfileId seller, String after, int limit) {
        var page = listings.ofSeller(seller.value(), after, limit);
        return new Page<>(page.items().stream().map(ListingView::of).toList(), page.next());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AcquisitionView> salesOf(ProfileId seller, String after, int limit) {
        var page = acquisitions.ofSeller(seller.value(), after, limit);
        return new Page<>(page.items().stream().map(AcquisitionView::of).toList(), page.next());
    }

    @Override
    @Transactional
    public AcquisitionView terminate(ProfileId seller, UUID id, String reason) {
        var acquisition = soldBy(seller, id);
        acquisition.whyNotTerminate().ifPresent(MarketplaceService::notChangeable);
        acquisitions.terminate(id, reason);
        return reread(id);
    }

    @Override
    @Transactional
    public AcquisitionView recordUsage(ProfileId seller, UUID id, int uses) {
        var acquisition = soldBy(seller, id);
        acquisition.whyNoUsage().ifPresent(MarketplaceService::notChangeable);
        acquisitions.recordUsage(id, uses);
        return reread(id);
    }

    @Override
    @Transactional
    public void withdraw(ProfileId seller, UUID agentId, String reason) {
        for (var listing : listings.ofAgent(agentId)) {
            if (!listing.isSoldBy(seller.value()) || listing.status() == ListingStatus.retired) {
                continue;
            }
            for (var acquisition : acquisitions.activeOf(listing.id())) {
                if (acquisition.whyNotTerminate().isEmpty()) {
                    acquisitions.terminate(acquisition.id(), reason);
                }
            }
            listings.update(listing.revise(null, null, null, null, null, null, ListingStatus.retired, clock.instant())
                    .orElseThrow());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ListingView> search(ListingQuery query) {
        var page = listings.search(query);
        return new Page<>(page.items().stream().map(ListingView::of).toList(), page.next());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ListingView> activeListingsOf(UUID sellerId, int limit) {
        return listings.activeOfSeller(sellerId, limit).stream().map(ListingView::of).toList();
    }

    /** Read-write: a look counts as a view. */
    @Override
    @Transactional
    public ListingView listing(UUID id) {
        listings.countView(id);
        return listings.find(id).map(ListingView::of).orElseThrow(() -> new NotFound("No listing " + id));
    }

    @Override
    @Transactional
    public AcquisitionView acquire(ProfileId consumer, UUID listingId, AcquisitionType type) {
        var listing = listings.find(listingId)
                .filter(l -> l.status() == ListingStatus.active || l.status() == ListingStatus.sold_out
                        || l.isSoldBy(consumer.value()))
                .orElseThrow(() -> new NotFound("No listing " + listingId + " on sale"));
        listing.whyNotAcquirable(type, consumer.value()).ifPresent(why -> {
            throw new NotAcquirable(why);
        });
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
        // The copy is made first, so that the acquisition can name it; if the database then finds no clone left,
        // the whole transaction, copy included, is undone.
        UUID cloneId = type == AcquisitionType.clone ? cloneFor(consumer, agent) : null;
        var acquisition = acquisitions.insert(listing, consumer.value(), type, cloneId);
        events.publishEvent(new AgentAcquired(UUID.randomUUID(), acquisition.id(), listing.id(), agent.id(),
                agent.name(), listing.sellerId(), consumer.value(), acquisition.type().name(),
                acquisition.commissionRateAtAcquisition(), consumer.value(), clock.instant()));
        return AcquisitionView.of(acquisition);
    }

    /**
     * A new agent of the consumer's with the listed agent's configuration (model, config, metadata, description),
     * registered as any agent is: a draft at the starting trust score, with a trust history of its own. The system
     * prompt is the seller's work, shown to nobody but its owner, and stays theirs.
     */
    private UUID cloneFor(ProfileId consumer, AgentView source) {
        return registration.register(consumer, new RegisterAgent(source.name(), source.description(), null,
                source.model(), source.config(), source.metadata())).id();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AcquisitionView> acquisitionsOf(ProfileId consumer) {
        return acquisitions.ofConsumer(consumer.value()).stream().map(AcquisitionView::of).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AcquisitionView acquisition(UUID id) {
        return AcquisitionView.of(visible(id));
    }

    @Override
    @Transactional
    public AcquisitionView walkAway(ProfileId consumer, UUID id, String reason) {
        var acquisition = heldBy(consumer, id);
        acquisition.whyNotWalkAway().ifPresent(MarketplaceService::notChangeable);
        acquisitions.walkAway(id, reason);
        return reread(id);
    }

    @Override
    @Transactional
    public AcquisitionView review(ProfileId consumer, UUID id, int rating, String review) {
        var acquisition = heldBy(consumer, id);
        acquisition.whyNotReview().ifPresent(MarketplaceService::notChangeable);
        acquisitions.review(id, rating, review);
        return reread(id);
    }

    private Acquisition visible(UUID id) {
        return acquisitions.find(id).orElseThrow(() -> new NotFound("No acquisition " + id));
    }

    private Acquisition heldBy(ProfileId consumer, UUID id) {
        var acquisition = visible(id);
        if (!acquisition.isHeldBy(consumer.value())) {
            throw new NotYours("Acquisition " + id + " is not yours: only its consumer does this");
        }
        return acquisition;
    }

    private Acquisition soldBy(ProfileId seller, UUID id) {
        var acquisition = visible(id);
        var listing = listings.find(acquisition.listingId());
        if (listing.isEmpty() || !listing.get().isSoldBy(seller.value())) {
            throw new NotYours("Acquisition " + id + " is not of a listing of yours: only its seller does this");
        }
        return acquisition;
    }

    private AcquisitionView reread(UUID id) {
        return AcquisitionView.of(visible(id));
    }

    /** The listing's terms with the revision's changes, or null when it changes none. */
    private static Terms revisedTerms(Terms t, ListingRevision r) {
        if (r.commissionRate() == null && r.clonePrice() == null && r.enterprisePrice() == null
                && r.availableForCommission() == null && r.availableForClone() == null
                && r.availableForEnterprise() == null && r.maxClones() == null) {
            return null;
        }
        return new Terms(r.commissionRate() == null ? t.commissionRate() : r.commissionRate(),
                r.clonePrice() == null ? t.clonePrice() : r.clonePrice(),
                r.enterprisePrice() == null ? t.enterprisePrice() : r.enterprisePrice(),
                r.availableForCommission() == null ? t.availableForCommission() : r.availableForCommission(),
                r.availableForClone() == null ? t.availableForClone() : r.availableForClone(),
                r.availableForEnterprise() == null ? t.availableForEnterprise() : r.availableForEnterprise(),
                r.maxClones() == null ? t.maxClones() : r.maxClones());
    }

    /** A domain rule's {@code field: reason} as a 400 naming the field. */
    private static void invalid(String why) {
        var colon = why.indexOf(':');
        throw new InvalidMarketplaceRequest(why.substring(0, colon), why.substring(colon + 1).strip());
    }

    private static void notChangeable(String why) {
        throw new NotChangeable(why);
    }
}
