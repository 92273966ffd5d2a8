package com.agentanchor.marketplace.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * An agent on offer, by its owner. The seller writes what it is and its {@link Terms}; the marketplace keeps its
 * counters ({@code currentClones}, {@code viewCount}, {@code acquisitionCount}, {@code averageRating},
 * {@code reviewCount}), which only database triggers and definer functions write.
 */
@AggregateRoot
public record Listing(
        @Identity UUID id,
        UUID agentId,
        UUID sellerId,
        String title,
        String description,
        ListingStatus status,
        Terms terms,
        String category,
        List<String> tags,
        Map<String, Object> previewConfig,
        int currentClones,
        int viewCount,
        int acquisitionCount,
        BigDecimal averageRating,
        int reviewCount,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    public Listing {
        Objects.requireNonNull(status, "status");
        terms = terms == null ? Terms.DEFAULT : terms;
        tags = tags == null ? List.of() : List.copyOf(tags);
        previewConfig = previewConfig == null ? Map.of() : previewConfig;
    }

    /** A new listing, not stored yet: published now when it starts active, held back when it starts paused. */
    public static Listing publish(UUID agentId, UUID sellerId, String title, String description, Terms terms,
            String category, List<String> tags, Map<String, Object> previewConfig, ListingStatus status, Instant now) {
        return new Listing(null, agentId, sellerId, title.strip(), description, status, terms, category, tags,
                previewConfig, 0, 0, 0, null, 0, null, null, status == ListingStatus.active ? now : null);
    }

    /**
     * The seller's edit ({@code null} keeps a value). Asking for active when no clone is left gives sold out, as
     * lowering {@code maxClones} to the clones sold does: an active listing always has something to sell.
     *
     * @return empty when the status cannot move there ({@link ListingStatus#mayMoveTo})
     */
    public Optional<Listing> revise(String title, String description, Terms terms, String category,
            List<String> tags, Map<String, Object> previewConfig, ListingStatus requested, Instant now) {
        var newTerms = terms == null ? this.terms : terms;
        var target = requested == null ? status : requested;
        if (target == ListingStatus.sold_out && status != ListingStatus.sold_out) {
            return Optional.empty(); // only the marketplace sells out
        }
        if ((target == ListingStatus.active || target == ListingStatus.sold_out) && newTerms.availableForClone()
                && !newTerms.cloneLeftAfter(currentClones)) {
            target = ListingStatus.sold_out;
        } else if (target == ListingStatus.sold_out) {
            target = ListingStatus.active; // more clones allowed, or clones no longer offered: back on sale
        }
        if (target != status && !status.mayMoveTo(target)) {
            return Optional.empty();
        }
        return Optional.of(new Listing(id, agentId, sellerId, title == null ? this.title : title.strip(),
                description == null ? this.description : description, target, newTerms,
                category == null ? this.category : category, tags == null ? this.tags : tags,
                previewConfig == null ? this.previewConfig : previewConfig, currentClones, viewCount,
                acquisitionCount, averageRating, reviewCount, createdAt, updatedAt,
                publishedAt == null && target == ListingStatus.active ? now : publishedAt));
    }

    /** Why {@code newTerms} cannot replace this listing's terms, as {@code field: reason}; empty when they can. */
    public Optional<String> whyNotOffer(Terms newTerms) {
        if (newTerms.maxClones() != null && newTerms.maxClones() < currentClones) {
            return Optional.of("maxClones: " + currentClones + " clones are sold already");
        }
        return newTerms.whyInvalid();
    }

    public boolean isSoldBy(UUID profileId) {
        return sellerId.equals(profileId);
    }

    /**
     * Why {@code consumer} may not acquire this listing as {@code type}, as it stands; empty when they may. The SQL
     * twin is {@code take_listing_stock}, which decides again under the listing's row lock.
     */
    public Optional<String> whyNotAcquirable(AcquisitionType type, UUID consumer) {
        if (isSoldBy(consumer)) {
            return Optional.of("Listing " + id + " is your own: sellers do not acquire their own agents");
        }
        if (status == ListingStatus.sold_out) {
            return Optional.of("Listing " + id + " is sold out: all " + terms.maxClones() + " clones are taken");
        }
        if (status != ListingStatus.active) {
            return Optional.of("Listing " + id + " is " + status + ", not on sale");
        }
        if (!terms.offers(type)) {
            return Optional.of("Listing " + id + " does not offer " + type);
        }
        if (type == AcquisitionType.clone && !terms.cloneLeftAfter(currentClones)) {
            return Optional.of("Listing " + id + " is sold out: all " + terms.maxClones() + " clones are taken");
        }
        return Optional.empty();
    }
}
