package com.agentanchor.marketplace;

import static com.agentanchor.marketplace.MarketplaceFixture.ids;
import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.AtOnce;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** Clones against a limited stock, enterprise locks, and the terms each acquisition copies. */
@IntegrationTest
class AcquisitionKindsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    MarketplaceFixture market;
    String seller;
    String agent;

    @BeforeEach
    void sellerWithAGraduate() {
        api = new Api(port);
        market = new MarketplaceFixture(api, database);
        seller = api.token(unique("seller"));
        agent = market.graduate(seller, "Original");
    }

    @Test
    void twentyConcurrentBuyersOfTheLastFiveClonesGetExactlyFive() throws Exception {
        var listing = market.list(seller, agent, Map.of("availableForClone", true, "clonePrice", 12.5,
                "maxClones", 6)).get("id").asString();
        market.acquired(api.token(unique("early")), listing, "clone"); // five are left
        var buyers = new ArrayList<String>();
        for (var i = 0; i < 20; i++) {
            var buyer = api.token(unique("buyer"));
            api.profileId(buyer); // provisioned before the race, so that only the acquisitions race
            buyers.add(buyer);
        }

        var responses = AtOnce.each(buyers, buyer -> market.acquire(buyer, listing, "clone"));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(15)
                .allSatisfy(r -> {
                    assertThat(r.status()).as("%s", r.body()).isEqualTo(409);
                    assertThat(r.isProblem()).isTrue();
                    assertThat(r.body().get("detail").asString()).contains("sold out");
                });
        var won = responses.stream().filter(r -> r.status() == 201).map(Api.Response::body).toList();
        for (var acquisition : won) {
            var clone = acquisition.get("clonedAgentId").asString();
            assertThat(database.query("SELECT owner_id::text FROM agents WHERE id = ?::uuid", String.class, clone))
                    .isEqualTo(acquisition.get("consumerId").asString());
        }
        var after = api.get("/api/marketplace/listings/" + listing, seller).body();
        assertThat(after.get("status").asString()).isEqualTo("sold_out");
        assertThat(after.get("currentClones").asInt()).isEqualTo(6);
        assertThat(database.query("SELECT count(*) FROM acquisitions WHERE listing_id = ?::uuid", Long.class, listing))
                .isEqualTo(6);
        var buyerIds = buyers.stream().map(api::profileId).toArray(String[]::new);
        assertThat(database.query("SELECT count(*) FROM agents WHERE owner_id::text = ANY (?)", Long.class,
                (Object) buyerIds)).as("no clone is left behind by a refused buyer").isEqualTo(5);
        var late = market.acquire(api.token(unique("late")), listing, "clone");
        assertThat(late.status()).as("a sold-out listing is seen, and refused").isEqualTo(409);
    }

    @Test
    void aCloneIsANewAgentOfTheConsumersAtThePriceOfThatMoment() {
        database.update("UPDATE agents SET config = '{\"temperature\": 0.2}'::jsonb, model = 'm-1' WHERE id = ?::uuid",
                agent);
        var listing = market.list(seller, agent, Map.of("availableForClone", true, "clonePrice", 30,
                "availableForCommission", false)).get("id").asString();
        var consumer = api.token(unique("consumer"));

        var acquisition = market.acquired(consumer, listing, "clone");

        assertThat(acquisition.get("acquisitionType").asString()).isEqualTo("clone");
        assertThat(acquisition.get("priceAtAcquisition").decimalValue()).isEqualByComparingTo("30");
        assertThat(acquisition.get("commissionRateAtAcquisition").isNull()).isTrue();
        assertThat(acquisition.get("canWalkAway").asBoolean()).as("bought outright").isFalse();
        var clone = api.get("/api/agents/" + acquisition.get("clonedAgentId").asString(), consumer);
        assertThat(clone.status()).isEqualTo(200);
        assertThat(clone.body().get("ownerId").asString()).isEqualTo(api.profileId(consumer));
        assertThat(clone.body().get("name").asString()).isEqualTo("Original");
        assertThat(clone.body().get("model").asString()).isEqualTo("m-1");
        assertThat(clone.body().get("config").get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(clone.body().get("status").asString()).as("earns its own trust").isEqualTo("draft");
        assertThat(clone.body().get("trustScore").asInt()).isEqualTo(100);
        assertThat(clone.body().get("systemPrompt").isNull()).as("the seller's prompt stays theirs").isTrue();

        api.patch("/api/marketplace/listings/" + listing, seller, Map.of("clonePrice", 99));
        assertThat(api.get("/api/marketplace/acquisitions/" + acquisition.get("id").asString(), consumer).body()
                .get("priceAtAcquisition").decimalValue()).as("kept").isEqualByComparingTo("30");
        var commission = market.acquire(api.token(unique("other")), listing, "commission");
        assertThat(commission.status()).as("not offered").isEqualTo(409);
        assertThat(market.acquire(api.token(unique("other")), listing, "rental").status()).isEqualTo(400);
    }

    @Test
    void anActiveEnterpriseLockAdmitsNoFurtherAcquisitionUntilItEnds() {
        var listing = market.list(seller, agent, Map.of("availableForEnterprise", true, "enterprisePrice", 5000,
                "availableForClone", true, "clonePrice", 10)).get("id").asString();
        var enterprise = api.token(unique("enterprise"));
        var lock = market.acquired(enterprise, listing, "enterprise_lock");
        assertThat(lock.get("priceAtAcquisition").decimalValue()).isEqualByComparingTo("5000");

        for (var type : List.of("commission", "clone", "enterprise_lock")) {
            var refused = market.acquire(api.token(unique("shut-out")), listing, type);
            assertThat(refused.status()).as(type).isEqualTo(409);
            assertThat(refused.body().get("detail").asString()).contains("enterprise lock");
        }
        var consumerId = api.profileId(api.token(unique("direct")));
        assertThatThrownBy(() -> appRole.actingFor(consumerId, jdbc -> jdbc.update("INSERT INTO acquisitions "
                + "(listing_id, agent_id, consumer_id, acquisition_type) VALUES (?::uuid, ?::uuid, ?::uuid, 'commission')",
                listing, agent, consumerId))).as("the database holds the lock too").rootCause()
                .hasMessageContaining("enterprise lock");

        var walked = api.post("/api/marketplace/acquisitions/" + lock.get("id").asString() + "/walk-away", enterprise,
                Map.of("reason", "moving on"));
        assertThat(walked.status()).isEqualTo(200);
        assertThat(market.acquire(api.token(unique("next")), listing, "commission").status()).isEqualTo(201);
    }

    @Test
    void theSellerSeesTheirSalesNewestFirstInPages() {
        var listing = market.list(seller, agent, Map.of()).get("id").asString();
        var sold = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            sold.add(market.acquired(api.token(unique("consumer")), listing, "commission").get("id").asString());
        }
        var first = api.get("/api/marketplace/sales?limit=2", seller).body();
        assertThat(ids(first.get("items"))).containsExactly(sold.get(2), sold.get(1));
        var second = api.get("/api/marketplace/sales?limit=2&after=" + first.get("next").asString(), seller).body();
        assertThat(ids(second.get("items"))).containsExactly(sold.get(0));
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(api.get("/api/marketplace/sales", api.token(unique("nobody"))).body().get("items").size()).isZero();
        assertThat(api.get("/api/marketplace/sales?after=garbage", seller).status()).isEqualTo(400);
        assertThat(api.get("/api/marketplace/sales", null).status()).isEqualTo(401);
    }
}
