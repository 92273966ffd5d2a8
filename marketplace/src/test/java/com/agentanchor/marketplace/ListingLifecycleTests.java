package com.agentanchor.marketplace;

import static com.agentanchor.marketplace.MarketplaceFixture.ids;
import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/** A listing's fields, its status moves, its views, the seller's own list, and the catalogue's search and pages. */
@IntegrationTest
class ListingLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    MarketplaceFixture market;
    String seller;

    @BeforeEach
    void seller() {
        api = new Api(port);
        market = new MarketplaceFixture(api, database);
        seller = api.token(unique("seller"));
    }

    @Test
    void aListingTakesEveryFieldOfTheOriginAndItsSellerChangesThem() {
        var agent = market.graduate(seller, "Everything");
        var fields = new HashMap<String, Object>(Map.of("title", "All fields", "description", "Every column",
                "commissionRate", 0.05, "clonePrice", 19.99, "enterprisePrice", 999.5, "availableForCommission", true,
                "availableForClone", true, "availableForEnterprise", true, "maxClones", 10, "category", "ops"));
        fields.put("tags", List.of("a", "b"));
        fields.put("previewConfig", Map.of("demo", true));
        var listing = market.list(seller, agent, fields);

        assertThat(listing.get("commissionRate").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(listing.get("clonePrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(listing.get("enterprisePrice").decimalValue()).isEqualByComparingTo("999.5");
        assertThat(listing.get("availableForCommission").asBoolean()).isTrue();
        assertThat(listing.get("availableForClone").asBoolean()).isTrue();
        assertThat(listing.get("availableForEnterprise").asBoolean()).isTrue();
        assertThat(listing.get("maxClones").asInt()).isEqualTo(10);
        assertThat(listing.get("currentClones").asInt()).isZero();
        assertThat(listing.get("viewCount").asInt()).isZero();
        assertThat(listing.get("reviewCount").asInt()).isZero();
        assertThat(listing.get("averageRating").isNull()).isTrue();
        assertThat(listing.get("previewConfig").get("demo").asBoolean()).isTrue();
        var id = listing.get("id").asString();

        var changes = new HashMap<String, Object>(Map.of("title", "Changed", "clonePrice", 25, "maxClones", 3,
                "availableForEnterprise", false, "category", "research"));
        changes.put("tags", List.of("c"));
        var changed = api.patch("/api/marketplace/listings/" + id, seller, changes);
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
        assertThat(changed.body().get("title").asString()).isEqualTo("Changed");
        assertThat(changed.body().get("description").asString()).as("kept").isEqualTo("Every column");
        assertThat(changed.body().get("clonePrice").decimalValue()).isEqualByComparingTo("25");
        assertThat(changed.body().get("maxClones").asInt()).isEqualTo(3);
        assertThat(changed.body().get("availableForEnterprise").asBoolean()).isFalse();
        assertThat(changed.body().get("enterprisePrice").decimalValue()).as("kept").isEqualByComparingTo("999.5");
        assertThat(changed.body().get("tags").get(0).asString()).isEqualTo("c");

        var stranger = api.token(unique("stranger"));
        var foreign = api.patch("/api/marketplace/listings/" + id, stranger, Map.of("title", "Mine now"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(api.patch("/api/marketplace/listings/" + UUID.randomUUID(), seller, Map.of("title", "x")).status())
                .isEqualTo(404);
        assertThat(invalid(id, Map.of("availableForClone", true, "clonePrice", -1))).startsWith("clonePrice:");
        assertThat(invalid(id, Map.of("status", "sold_out"))).startsWith("status:");
        assertThat(invalid(id, Map.of("status", "bogus"))).startsWith("status:");
        assertThat(invalid(id, Map.of("title", ""))).startsWith("title:");
        var bare = market.graduate(seller, "Bare");
        var priceless = api.post("/api/marketplace/listings", seller, Map.of("agentId", bare, "title", "Priceless",
                "availableForClone", true));
        assertThat(priceless.status()).isEqualTo(400);
        assertThat(priceless.body().get("detail").asString()).startsWith("clonePrice:");
        assertThat(database.query("SELECT title FROM marketplace_listings WHERE id = ?::uuid", String.class, id))
                .as("refusals changed nothing").isEqualTo("Changed");
    }

    @Test
    void theStatusMovesActivePausedAndRetiredForGood() {
        var id = market.list(seller, market.graduate(seller, "Mover"), Map.of()).get("id").asString();
        var consumer = api.token(unique("consumer"));

        assertThat(status(id, "paused")).isEqualTo("paused");
        assertThat(ids(api.get("/api/marketplace/listings?limit=100", null).body().get("items"))).doesNotContain(id);
        assertThat(api.get("/api/marketplace/listings/" + id, consumer).status()).as("off sale, out of sight")
                .isEqualTo(404);
        assertThat(market.acquire(consumer, id, "commission").status()).isEqualTo(404);
        assertThat(status(id, "active")).isEqualTo("active");
        assertThat(market.acquire(consumer, id, "commission").status()).isEqualTo(201);
        assertThat(status(id, "retired")).isEqualTo("retired");

        var back = api.patch("/api/marketplace/listings/" + id, seller, Map.of("status", "active"));
        assertThat(back.status()).as("retired is final").isEqualTo(409);
        assertThat(back.isProblem()).isTrue();
        var sellerId = api.profileId(seller);
        assertThatThrownBy(() -> appRole.actingFor(sellerId, jdbc -> jdbc.update(
                "UPDATE marketplace_listings SET status = 'active' WHERE id = ?::uuid", id)))
                .as("the database holds it too").rootCause().hasMessageContaining("a retired listing does not become active");
        assertThat(ids(api.get("/api/marketplace/listings/mine", seller).body().get("items")))
                .as("the seller still sees it").contains(id);
    }

    @Test
    void aLookCountsAsAViewExceptTheSellers() {
        var id = market.list(seller, market.graduate(seller, "Watched"), Map.of()).get("id").asString();
        assertThat(api.get("/api/marketplace/listings/" + id, null).body().get("viewCount").asInt()).isEqualTo(1);
        assertThat(api.get("/api/marketplace/listings/" + id, api.token(unique("visitor"))).body().get("viewCount")
                .asInt()).isEqualTo(2);
        assertThat(api.get("/api/marketplace/listings/" + id, seller).body().get("viewCount").asInt())
                .as("the seller's own look").isEqualTo(2);
        assertThat(api.get("/api/marketplace/listings/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void aListingIsFoundByAWordOfItsDescriptionAndFilteredAndPagedByKeyset() {
        var word = "zorblax" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "q");
        var listed = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            listed.add(market.list(seller, market.graduate(seller, "Searched " + i), Map.of("title", "Plain " + i,
                    "description", "An agent that files " + word + " reports", "category", "cat-" + word,
                    "tags", List.of("t" + i + word), "availableForClone", i == 2, "clonePrice", 5 + i,
                    "commissionRate", 0.1)).get("id").asString());
        }
        var paused = market.list(seller, market.graduate(seller, "Hidden"), Map.of("description", word,
                "status", "paused")).get("id").asString();

        var first = search("q=" + word + "&limit=2");
        assertThat(ids(first.get("items"))).containsExactly(listed.get(2), listed.get(1));
        var next = first.get("next").asString();
        var second = search("q=" + word + "&limit=2&after=" + next);
        assertThat(ids(second.get("items"))).containsExactly(listed.get(0));
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(ids(search("q=" + word + "&limit=100").get("items"))).doesNotContain(paused);

        assertThat(ids(search("q=files+" + word).get("items"))).hasSize(3);
        assertThat(ids(search("category=cat-" + word).get("items"))).hasSize(3);
        assertThat(ids(search("tag=t1" + word).get("items"))).containsExactly(listed.get(1));
        assertThat(ids(search("q=" + word + "&type=clone").get("items"))).containsExactly(listed.get(2));
        assertThat(ids(search("q=" + word + "&type=clone&maxPrice=6").get("items"))).isEmpty();
        assertThat(ids(search("q=" + word + "&maxPrice=0.05").get("items"))).isEmpty();
        assertThat(ids(search("q=" + word + "&maxPrice=0.1").get("items"))).hasSize(3);
        database.update("UPDATE agents SET trust_score = 650 WHERE id = (SELECT agent_id FROM marketplace_listings "
                + "WHERE id = ?::uuid)", listed.get(0));
        assertThat(ids(search("q=" + word + "&minTier=3").get("items"))).containsExactly(listed.get(0));
        assertThat(ids(search("q=" + word + "&sort=popular").get("items"))).hasSize(3);

        for (var bad : List.of("sort=cheapest", "type=rental", "after=nonsense", "minTier=6", "limit=0",
                "sort=rating&after=" + next)) {
            var refused = api.get("/api/marketplace/listings?" + bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.isProblem()).as(bad).isTrue();
        }
    }

    @Test
    void theSellersOwnListingsPageEveryStatus() {
        var mine = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            mine.add(market.list(seller, market.graduate(seller, "Own " + i), Map.of("status", i == 1 ? "paused"
                    : "active")).get("id").asString());
        }
        var first = api.get("/api/marketplace/listings/mine?limit=2", seller).body();
        assertThat(ids(first.get("items"))).containsExactly(mine.get(2), mine.get(1));
        var second = api.get("/api/marketplace/listings/mine?limit=2&after=" + first.get("next").asString(), seller)
                .body();
        assertThat(ids(second.get("items"))).containsExactly(mine.get(0));
        assertThat(api.get("/api/marketplace/listings/mine", api.token(unique("other"))).body().get("items").size())
                .isZero();
        assertThat(api.get("/api/marketplace/listings/mine", null).status()).isEqualTo(401);
    }

    private JsonNode search(String query) {
        var response = api.get("/api/marketplace/listings?" + query, null);
        assertThat(response.status()).as("%s: %s", query, response.body()).isEqualTo(200);
        return response.body();
    }

    private String status(String id, String status) {
        var response = api.patch("/api/marketplace/listings/" + id, seller, Map.of("status", status));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().get("status").asString();
    }

    private String invalid(String id, Map<String, Object> body) {
        var response = api.patch("/api/marketplace/listings/" + id, seller, body);
        assertThat(response.status()).as("%s", body).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.body().get("detail").asString();
    }
}
