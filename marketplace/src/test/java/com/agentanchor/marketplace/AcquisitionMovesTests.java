package com.agentanchor.marketplace;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.AtOnce;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** Walking away, the seller's termination, usage at the copied rate, reviews, and who may do none of it. */
@IntegrationTest
class AcquisitionMovesTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    MarketplaceFixture market;
    String seller;
    String listing;

    @BeforeEach
    void aListing() {
        api = new Api(port);
        market = new MarketplaceFixture(api, database);
        seller = api.token(unique("seller"));
        listing = market.list(seller, market.graduate(seller, "Worker"), Map.of("commissionRate", 0.1234))
                .get("id").asString();
    }

    @Test
    void usageIsPaidAtTheRateCopiedWhenAcquiredAndTheConsumerWalksAway() {
        var consumer = api.token(unique("consumer"));
        var id = market.acquired(consumer, listing, "commission").get("id").asString();

        assertThat(usage(id, seller, 3).body().get("totalSpent").decimalValue()).isEqualByComparingTo("0.37");
        api.patch("/api/marketplace/listings/" + listing, seller, Map.of("commissionRate", 0.9));
        var used = usage(id, seller, 2).body();
        assertThat(used.get("totalUsage").asInt()).isEqualTo(5);
        assertThat(used.get("totalSpent").decimalValue()).as("5 × 0.1234, rounded once").isEqualByComparingTo("0.62");
        assertThat(usage(id, consumer, 1).status()).as("the consumer does not meter themselves").isEqualTo(403);
        assertThat(usage(id, api.token(unique("stranger")), 1).status()).isEqualTo(404);
        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/usage", seller, Map.of("uses", 0)).status())
                .isEqualTo(400);

        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/walk-away", seller, Map.of()).status())
                .as("the seller does not walk away for the consumer").isEqualTo(403);
        var walked = api.post("/api/marketplace/acquisitions/" + id + "/walk-away", consumer,
                Map.of("reason", "too slow"));
        assertThat(walked.status()).isEqualTo(200);
        assertThat(walked.body().get("status").asString()).isEqualTo("terminated");
        assertThat(walked.body().get("walkAwayReason").asString()).isEqualTo("too slow");
        assertThat(walked.body().get("terminatedAt").isNull()).isFalse();
        var again = api.post("/api/marketplace/acquisitions/" + id + "/walk-away", consumer, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(usage(id, seller, 1).status()).as("ended").isEqualTo(409);
        assertThat(database.query("SELECT total_usage FROM acquisitions WHERE id = ?::uuid", Integer.class, id))
                .isEqualTo(5);
    }

    @Test
    void theSellerTerminatesACommissionButNotAClone() {
        var consumer = api.token(unique("consumer"));
        var id = market.acquired(consumer, listing, "commission").get("id").asString();
        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/terminate", consumer, Map.of()).status())
                .isEqualTo(403);
        var ended = api.post("/api/marketplace/acquisitions/" + id + "/terminate", seller, Map.of("reason", "abuse"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().get("status").asString()).isEqualTo("terminated");
        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/terminate", seller, Map.of()).status())
                .isEqualTo(409);

        var cloneListing = market.list(seller, market.graduate(seller, "Copyable"), Map.of("availableForClone", true,
                "clonePrice", 1)).get("id").asString();
        var clone = market.acquired(consumer, cloneListing, "clone").get("id").asString();
        assertThat(api.post("/api/marketplace/acquisitions/" + clone + "/terminate", seller, Map.of()).status())
                .isEqualTo(409);
        assertThat(api.post("/api/marketplace/acquisitions/" + clone + "/walk-away", consumer, Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void twoReviewsGiveTheirAverageOncePerAcquisitionByItsConsumer() {
        var first = api.token(unique("first"));
        var firstId = market.acquired(first, listing, "commission").get("id").asString();
        var second = api.token(unique("second"));
        var secondId = market.acquired(second, listing, "commission").get("id").asString();

        var reviewed = review(firstId, first, 4, "solid");
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.body().get("rating").asInt()).isEqualTo(4);
        assertThat(reviewed.body().get("reviewedAt").isNull()).isFalse();
        assertThat(review(secondId, second, 5, "great").status()).isEqualTo(200);
        var after = api.get("/api/marketplace/listings/" + listing, null).body();
        assertThat(after.get("reviewCount").asInt()).isEqualTo(2);
        assertThat(after.get("averageRating").decimalValue()).isEqualByComparingTo("4.50");

        var twice = review(firstId, first, 1, "changed my mind");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.isProblem()).isTrue();
        assertThat(review(secondId, seller, 1, "self-serving").status()).isEqualTo(403);
        assertThat(review(secondId, first, 1, "not mine").status()).isEqualTo(404);
        assertThat(api.post("/api/marketplace/acquisitions/" + secondId + "/review", second, Map.of("rating", 6))
                .status()).isEqualTo(400);
        var firstProfile = api.profileId(first);
        assertThatThrownBy(() -> appRole.actingFor(firstProfile, jdbc -> jdbc.update(
                "UPDATE acquisitions SET rating = 1 WHERE id = ?::uuid", firstId)))
                .as("once, in the database too").rootCause().hasMessageContaining("reviewed already");
        assertThat(api.get("/api/marketplace/listings/" + listing, null).body().get("averageRating").decimalValue())
                .isEqualByComparingTo("4.50");
    }

    @Test
    void concurrentReviewsKeepTheAverageExact() throws Exception {
        var ratings = List.of(5, 4, 3, 5, 2, 4, 1, 5, 3, 4);
        var reviewers = new ArrayList<String[]>();
        for (var ignored : ratings) {
            var token = api.token(unique("reviewer"));
            reviewers.add(new String[] { token, market.acquired(token, listing, "commission").get("id").asString() });
        }
        var statuses = AtOnce.each(IntStream.range(0, ratings.size()).boxed().toList(),
                i -> review(reviewers.get(i)[1], reviewers.get(i)[0], ratings.get(i), "concurrent").status());

        assertThat(statuses).containsOnly(200);
        var expected = BigDecimal.valueOf(ratings.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
        var after = api.get("/api/marketplace/listings/" + listing, null).body();
        assertThat(after.get("reviewCount").asInt()).isEqualTo(ratings.size());
        assertThat(after.get("averageRating").decimalValue()).isEqualByComparingTo(expected);
    }

    @Test
    void theSameReviewSentManyTimesAtOnceIsTakenOnce() throws Exception {
        var consumer = api.token(unique("impatient"));
        var id = market.acquired(consumer, listing, "commission").get("id").asString();

        var statuses = AtOnce.run(6, () -> review(id, consumer, 5, "same words").status());

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        assertThat(api.get("/api/marketplace/listings/" + listing, null).body().get("reviewCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void aStrangerNeitherSeesNorChangesAnothersAcquisition() {
        var consumer = api.token(unique("consumer"));
        var id = market.acquired(consumer, listing, "commission").get("id").asString();
        var stranger = api.token(unique("stranger"));
        var strangerId = api.profileId(stranger);

        assertThat(api.get("/api/marketplace/acquisitions/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/walk-away", stranger, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/marketplace/acquisitions/" + id + "/terminate", stranger, Map.of()).status())
                .isEqualTo(404);
        assertThat(review(id, stranger, 1, "sabotage").status()).isEqualTo(404);
        assertThat(api.get("/api/marketplace/sales", stranger).body().get("items").size()).isZero();

        // Past the service, straight at the database as the stranger: nothing seen, nothing changed.
        assertThat(appRole.<Integer>actingFor(strangerId, jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM acquisitions WHERE id = ?::uuid", Integer.class, id))).isZero();
        assertThat(appRole.<Integer>actingFor(strangerId, jdbc -> jdbc.update(
                "UPDATE acquisitions SET rating = 1, review = 'x' WHERE id = ?::uuid", id))).isZero();
        for (var call : List.of("SELECT walk_away(?::uuid, 'x')", "SELECT terminate_acquisition(?::uuid, 'x')",
                "SELECT record_acquisition_usage(?::uuid, 1000)")) {
            assertThatThrownBy(() -> appRole.actingFor(strangerId, jdbc -> jdbc.queryForList(call, id)))
                    .as(call).rootCause().hasMessageContaining("only");
        }
        var consumerId = api.profileId(consumer);
        assertThatThrownBy(() -> appRole.actingFor(consumerId, jdbc -> jdbc.queryForList(
                "SELECT record_acquisition_usage(?::uuid, 1)", id))).as("the consumer does not meter themselves")
                .rootCause().hasMessageContaining("only the seller");
        assertThat(database.rows("SELECT status::text, total_usage, rating FROM acquisitions WHERE id = ?::uuid", id))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("active");
                    assertThat(row.get("total_usage")).isEqualTo(0);
                    assertThat(row.get("rating")).isNull();
                });
    }

    private Api.Response usage(String id, String token, int uses) {
        return api.post("/api/marketplace/acquisitions/" + id + "/usage", token, Map.of("uses", uses));
    }

    private Api.Response review(String id, String token, int rating, String text) {
        return api.post("/api/marketplace/acquisitions/" + id + "/review", token, Map.of("rating", rating,
                "review", text));
    }
}
