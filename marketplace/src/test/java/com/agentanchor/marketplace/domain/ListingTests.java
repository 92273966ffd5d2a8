package com.agentanchor.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The listing's own rules, without Spring or a database. */
class ListingTests {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final UUID SELLER = UUID.randomUUID();
    static final Terms CLONES = new Terms(null, new BigDecimal("9.99"), null, false, true, false, 3);

    @Test
    void aListingStartingActiveIsPublishedAndOnePausedIsNot() {
        assertThat(listing(ListingStatus.active, Terms.DEFAULT, 0).publishedAt()).isEqualTo(NOW);
        assertThat(Listing.publish(UUID.randomUUID(), SELLER, " Held ", null, null, null, null, null,
                ListingStatus.paused, NOW).publishedAt()).isNull();
        assertThat(Listing.publish(UUID.randomUUID(), SELLER, " Trimmed ", null, null, null, null, null,
                ListingStatus.active, NOW).title()).isEqualTo("Trimmed");
    }

    @Test
    void theSellerMovesItBetweenActiveAndPausedAndRetiresItForGood() {
        var active = listing(ListingStatus.active, Terms.DEFAULT, 0);
        var paused = active.revise(null, null, null, null, null, null, ListingStatus.paused, NOW).orElseThrow();
        assertThat(paused.status()).isEqualTo(ListingStatus.paused);
        assertThat(paused.revise(null, null, null, null, null, null, ListingStatus.active, NOW).orElseThrow().status())
                .isEqualTo(ListingStatus.active);
        var retired = paused.revise(null, null, null, null, null, null, ListingStatus.retired, NOW).orElseThrow();
        assertThat(retired.revise(null, null, null, null, null, null, ListingStatus.active, NOW)).isEmpty();
        assertThat(retired.revise(null, null, null, null, null, null, ListingStatus.paused, NOW)).isEmpty();
        assertThat(active.revise(null, null, null, null, null, null, ListingStatus.sold_out, NOW))
                .as("only the marketplace sells out").isEmpty();
    }

    @Test
    void aListingWithNoCloneLeftIsSoldOutAndMoreClonesBringItBack() {
        var exhausted = listing(ListingStatus.active, CLONES, 3)
                .revise(null, null, null, null, null, null, ListingStatus.active, NOW).orElseThrow();
        assertThat(exhausted.status()).isEqualTo(ListingStatus.sold_out);
        var more = new Terms(null, new BigDecimal("9.99"), null, false, true, false, 5);
        assertThat(exhausted.revise(null, null, more, null, null, null, null, NOW).orElseThrow().status())
                .isEqualTo(ListingStatus.active);
        assertThat(exhausted.whyNotOffer(new Terms(null, BigDecimal.ONE, null, false, true, false, 2)))
                .hasValueSatisfying(why -> assertThat(why).startsWith("maxClones:"));
    }

    @Test
    void whatIsAcquirableDependsOnStatusTermsAndStock() {
        var consumer = UUID.randomUUID();
        var listing = listing(ListingStatus.active, CLONES, 2);
        assertThat(listing.whyNotAcquirable(AcquisitionType.clone, consumer)).isEmpty();
        assertThat(listing.whyNotAcquirable(AcquisitionType.commission, consumer)).isPresent();
        assertThat(listing.whyNotAcquirable(AcquisitionType.clone, SELLER)).isPresent();
        assertThat(listing(ListingStatus.active, CLONES, 3).whyNotAcquirable(AcquisitionType.clone, consumer))
                .hasValueSatisfying(why -> assertThat(why).contains("sold out"));
        assertThat(listing(ListingStatus.paused, CLONES, 0).whyNotAcquirable(AcquisitionType.clone, consumer))
                .hasValueSatisfying(why -> assertThat(why).contains("paused"));
    }

    @Test
    void termsOfferingAKindNeedItsPrice() {
        assertThat(new Terms(null, null, null, true, true, false, null).whyInvalid())
                .hasValueSatisfying(why -> assertThat(why).startsWith("clonePrice:"));
        assertThat(new Terms(null, null, null, true, false, true, null).whyInvalid())
                .hasValueSatisfying(why -> assertThat(why).startsWith("enterprisePrice:"));
        assertThat(CLONES.whyInvalid()).isEmpty();
        assertThat(CLONES.priceOf(AcquisitionType.clone)).isEqualByComparingTo("9.99");
        assertThat(CLONES.priceOf(AcquisitionType.commission)).isNull();
    }

    @Test
    void theStatusTableIsTheDocumentedOne() {
        assertThat(ListingStatus.retired.mayMoveTo(ListingStatus.active)).isFalse();
        assertThat(ListingStatus.active.mayMoveTo(ListingStatus.sold_out)).isTrue();
        assertThat(ListingStatus.active.mayMoveTo(ListingStatus.draft)).isFalse();
        for (var from : ListingStatus.values()) {
            assertThat(from.mayMoveTo(from)).as("%s to itself is no move", from).isFalse();
        }
    }

    private static Listing listing(ListingStatus status, Terms terms, int clones) {
        return new Listing(UUID.randomUUID(), UUID.randomUUID(), SELLER, "Broker", null, status, terms, null,
                List.of(), Map.of(), clones, 0, clones, null, 0, NOW, NOW, NOW);
    }
}
