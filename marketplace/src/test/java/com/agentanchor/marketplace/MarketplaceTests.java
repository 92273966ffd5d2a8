package com.agentanchor.marketplace;

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

import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.PublishedEvents;

import tools.jackson.databind.JsonNode;

/** Listing a graduated agent, browsing the catalogue, acquiring under commission, and the acquisition on the chain. */
@IntegrationTest
class MarketplaceTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    PublishedEvents events;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String seller;
    String agent;

    @BeforeEach
    void sellerWithAGraduate() {
        api = new Api(port);
        seller = api.token(unique("seller"));
        agent = graduate(seller, "Broker");
    }

    @Test
    void aGraduateIsListedAndAnyoneSeesItWithoutAnAccount() {
        var trainer = api.token(unique("trainer"));
        var scholar = graduate(trainer, "Scholar");

        var listed = api.post("/api/marketplace/listings", trainer, Map.of("agentId", scholar, "title",
                "Scholar for hire", "description", "Reads everything", "commissionRate", 0.15, "category",
                "research", "tags", List.of("papers", "summaries")));

        assertThat(listed.status()).isEqualTo(201);
        var listing = listed.body();
        assertThat(listing.get("status").asString()).isEqualTo("active");
        assertThat(listing.get("agentId").asString()).isEqualTo(scholar);
        assertThat(listing.get("sellerId").asString()).isEqualTo(api.profileId(trainer));
        assertThat(listing.get("title").asString()).isEqualTo("Scholar for hire");
        assertThat(listing.get("description").asString()).isEqualTo("Reads everything");
        assertThat(listing.get("commissionRate").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(listing.get("category").asString()).isEqualTo("research");
        assertThat(texts(listing.get("tags"))).containsExactly("papers", "summaries");
        assertThat(listing.get("acquisitionCount").asInt()).isZero();
        assertThat(listing.get("publishedAt").isNull()).as("published at once").isFalse();
        var id = listing.get("id").asString();

        var catalogue = api.get("/api/marketplace/listings?limit=100", null);
        assertThat(catalogue.status()).as("no token needed").isEqualTo(200);
        assertThat(ids(catalogue.body().get("items"))).contains(id);
        var one = api.get("/api/marketplace/listings/" + id, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().get("title").asString()).isEqualTo("Scholar for hire");
    }

    @Test
    void theCatalogueIsNewestFirstAndLimited() {
        var older = list(seller, agent, Map.of()).get("id").asString();
        var newer = list(seller, graduate(seller, "Newer"), Map.of()).get("id").asString();

        var catalogue = ids(api.get("/api/marketplace/listings?limit=100", null).body().get("items"));
        assertThat(catalogue).contains(newer, older);
        assertThat(catalogue.indexOf(newer)).isLessThan(catalogue.indexOf(older));
        assertThat(api.get("/api/marketplace/listings?limit=1", null).body().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/marketplace/listings", null).body().get("items").size()).isBetween(2, 20);
        for (var limit : List.of("0", "101")) {
            var refused = api.get("/api/marketplace/listings?limit=" + limit, null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body().get("detail").asString()).startsWith("limit:");
        }
    }

    @Test
    void onlyTheOwnerListsOnlyAnActiveAgentOnlyOnceAndBadInputWritesNothing() {
        var draft = api.post("/api/agents", seller, Map.of("name", "Unfinished")).body().get("id").asString();
        var notActive = api.post("/api/marketplace/listings", seller, Map.of("agentId", draft, "title", "Early"));
        assertThat(notActive.status()).isEqualTo(409);
        assertThat(notActive.isProblem()).isTrue();

        var stranger = api.token(unique("stranger"));
        assertThat(api.post("/api/marketplace/listings", stranger, Map.of("agentId", agent, "title", "Stolen"))
                .status()).as("someone else's agent").isEqualTo(404);
        assertThat(api.post("/api/marketplace/listings", seller, Map.of("agentId", UUID.randomUUID(), "title", "Ghost"))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/marketplace/listings", null, Map.of("agentId", agent, "title", "Anonymous"))
                .status()).isEqualTo(401);

        assertThat(invalid(Map.of("agentId", agent, "title", " "))).startsWith("title:");
        assertThat(invalid(Map.of("agentId", agent, "title", "x".repeat(201)))).startsWith("title:");
        assertThat(invalid(Map.of("agentId", agent))).startsWith("title:");
        assertThat(invalid(Map.of("title", "No agent"))).startsWith("agentId:");
        assertThat(invalid(Map.of("agentId", agent, "title", "Greedy", "commissionRate", 1.5)))
                .startsWith("commissionRate:");
        assertThat(invalid(Map.of("agentId", agent, "title", "Generous", "commissionRate", -0.1)))
                .startsWith("commissionRate:");
        assertThat(invalid(Map.of("agentId", agent, "title", "Precise", "commissionRate", 0.12345)))
                .startsWith("commissionRate:");
        assertThat(invalid(Map.of("agentId", agent, "title", "Tagged", "tags", "not an array")))
                .startsWith("tags:");
        assertThat(listingsOf(draft) + listingsOf(agent)).as("nothing written").isZero();

        assertThat(list(seller, agent, Map.of("commissionRate", 1)).get("status").asString()).isEqualTo("active");
        var again = api.post("/api/marketplace/listings", seller, Map.of("agentId", agent, "title", "Twice"));
        assertThat(again.status()).as("listed already").isEqualTo(409);
        assertThat(listingsOf(agent)).isEqualTo(1);
    }

    @Test
    void aConsumerAcquiresUnderCommissionOnceAndTheAcquisitionIsPublished() {
        var listing = list(seller, agent, Map.of("commissionRate", 0.15));
        var listingId = listing.get("id").asString();
        var consumer = api.token(unique("consumer"));
        var consumerId = api.profileId(consumer);

        var acquired = api.post("/api/marketplace/listings/" + listingId + "/acquisitions", consumer, Map.of());

        assertThat(acquired.status()).isEqualTo(201);
        var acquisition = acquired.body();
        var id = acquisition.get("id").asString();
        assertThat(acquisition.get("listingId").asString()).isEqualTo(listingId);
        assertThat(acquisition.get("agentId").asString()).isEqualTo(agent);
        assertThat(acquisition.get("consumerId").asString()).isEqualTo(consumerId);
        assertThat(acquisition.get("acquisitionType").asString()).isEqualTo("commission");
        assertThat(acquisition.get("status").asString()).isEqualTo("active");
        assertThat(acquisition.get("commissionRateAtAcquisition").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(acquisitionCount(listingId)).isEqualTo(1);
        assertThat(api.get("/api/marketplace/listings/" + listingId, null).body().get("acquisitionCount").asInt())
                .isEqualTo(1);

        assertThat(ids(api.get("/api/marketplace/acquisitions", consumer).body())).containsExactly(id);
        assertThat(api.get("/api/marketplace/acquisitions/" + id, consumer).status()).isEqualTo(200);
        assertThat(api.get("/api/marketplace/acquisitions/" + id, seller).status()).as("the agent's owner")
                .isEqualTo(200);
        var third = api.token(unique("third"));
        assertThat(api.get("/api/marketplace/acquisitions/" + id, third).status()).isEqualTo(404);
        assertThat(api.get("/api/marketplace/acquisitions", third).body().size()).isZero();
        assertThat(api.get("/api/marketplace/acquisitions", seller).body().size()).as("the seller acquired nothing")
                .isZero();

        var again = api.post("/api/marketplace/listings/" + listingId + "/acquisitions", consumer, Map.of());
        assertThat(again.status()).as("one active acquisition per listing").isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(api.post("/api/marketplace/listings/" + listingId + "/acquisitions", seller, Map.of()).status())
                .as("the seller's own agent").isEqualTo(409);
        assertThat(acquisitionsOf(listingId)).isEqualTo(1);
        assertThat(acquisitionCount(listingId)).isEqualTo(1);

        assertThat(events.ofType(AgentAcquired.class)).filteredOn(e -> e.acquisitionId().toString().equals(id))
                .singleElement().satisfies(e -> {
                    assertThat(e.sellerId().toString()).isEqualTo(api.profileId(seller));
                    assertThat(e.actorId().toString()).isEqualTo(consumerId);
                    assertThat(e.agentName()).isEqualTo("Broker");
                });
    }

    @Test
    void aListingNotOnSaleIsNotAcquiredAndAListingNotActiveIsSeenOnlyByItsSeller() {
        var sellerId = api.profileId(seller);
        var draft = database.query("INSERT INTO marketplace_listings (agent_id, seller_id, title) "
                + "VALUES (?::uuid, ?::uuid, 'draft') RETURNING id::text", String.class, agent, sellerId);
        var consumer = api.token(unique("consumer"));

        assertThat(api.get("/api/marketplace/listings/" + draft, null).status()).isEqualTo(404);
        assertThat(api.get("/api/marketplace/listings/" + draft, consumer).status()).isEqualTo(404);
        assertThat(api.get("/api/marketplace/listings/" + draft, seller).status()).as("the seller's own")
                .isEqualTo(200);
        assertThat(ids(api.get("/api/marketplace/listings?limit=100", seller).body().get("items"))).doesNotContain(draft);
        assertThat(api.post("/api/marketplace/listings/" + draft + "/acquisitions", consumer, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/marketplace/listings/" + UUID.randomUUID() + "/acquisitions", consumer, Map.of())
                .status()).isEqualTo(404);

        var listing = list(seller, agent, Map.of()).get("id").asString();
        assertThat(api.post("/api/marketplace/listings/" + listing + "/acquisitions", null, Map.of()).status())
                .isEqualTo(401);
        assertThat(ids(api.get("/api/marketplace/listings?limit=100", null).body().get("items"))).contains(listing);
        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);
        var suspended = api.post("/api/marketplace/listings/" + listing + "/acquisitions", consumer, Map.of());
        assertThat(suspended.status()).as("a suspended agent is not acquired: its listing is off show").isEqualTo(404);
        assertThat(api.get("/api/marketplace/listings/" + listing, null).status()).as("not served by id").isEqualTo(404);
        assertThat(api.get("/api/marketplace/listings/" + listing, consumer).status()).isEqualTo(404);
        assertThat(api.get("/api/marketplace/listings/" + listing, seller).body().get("status").asString())
                .as("its seller still sees it").isEqualTo("active");
        assertThat(ids(api.get("/api/marketplace/listings?limit=100", null).body().get("items"))).as("nor in the catalogue")
                .doesNotContain(listing);
        assertThat(acquisitionsOf(draft) + acquisitionsOf(listing)).as("nothing written").isZero();
        assertThat(acquisitionCount(listing)).isZero();
    }

    @Test
    void theDatabaseItselfHoldsOneActiveListingPerAgentAndOneActiveAcquisitionPerConsumerAndListing() {
        var listing = list(seller, agent, Map.of()).get("id").asString();
        var sellerId = api.profileId(seller);
        assertThatThrownBy(() -> database.update("INSERT INTO marketplace_listings (agent_id, seller_id, title, status) "
                + "VALUES (?::uuid, ?::uuid, 'twin', 'active')", agent, sellerId))
                .rootCause().hasMessageContaining("marketplace_listings_one_active_per_agent");
        var consumer = api.profileId(api.token(unique("consumer")));
        var acquire = "INSERT INTO acquisitions (listing_id, agent_id, consumer_id, acquisition_type, status) "
                + "VALUES (?::uuid, ?::uuid, ?::uuid, 'commission', ?::acquisition_status)";
        database.update(acquire, listing, agent, consumer, "active");
        assertThatThrownBy(() -> database.update(acquire, listing, agent, consumer, "active"))
                .rootCause().hasMessageContaining("acquisitions_one_active_per_consumer");
        assertThat(database.update(acquire, listing, agent, consumer, "terminated")).as("history is kept")
                .isEqualTo(1);
        assertThat(acquisitionCount(listing)).as("every acquisition counts, whoever inserts it").isEqualTo(2);
    }

    @Test
    void theDatabaseItselfPutsOnlyActiveAgentsOnSale() {
        var listing = list(seller, agent, Map.of()).get("id").asString();
        var sellerId = api.profileId(seller);
        var consumer = api.profileId(api.token(unique("consumer")));
        var draft = api.post("/api/agents", seller, Map.of("name", "Rough")).body().get("id").asString();
        var acquire = "INSERT INTO acquisitions (listing_id, agent_id, consumer_id, acquisition_type) "
                + "VALUES (?::uuid, ?::uuid, ?::uuid, 'commission')";
        var listActive = "INSERT INTO marketplace_listings (agent_id, seller_id, title, status) "
                + "VALUES (?::uuid, ?::uuid, 'direct', ?::listing_status)";

        assertThat(appRole.<Integer>actingFor(consumer, jdbc -> jdbc.update(acquire, listing, agent, consumer)))
                .as("the policy lets an active agent be acquired").isEqualTo(1);
        assertThat(appRole.<Integer>actingFor(sellerId, jdbc -> jdbc.update(listActive, draft, sellerId, "draft")))
                .as("a draft listing of a draft agent").isEqualTo(1);
        assertThatThrownBy(() -> appRole.actingFor(sellerId, jdbc -> jdbc.update(listActive, draft, sellerId,
                "active"))).rootCause().hasMessageContaining("row-level security policy");
        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);
        assertThatThrownBy(() -> appRole.actingFor(consumer, jdbc -> jdbc.update(acquire, listing, agent, consumer)))
                .rootCause().hasMessageContaining("row-level security policy");
    }

    /** A new agent of {@code owner}'s, made active as a graduation would. */
    private String graduate(String owner, String name) {
        var id = api.post("/api/agents", owner, Map.of("name", name)).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", id);
        return id;
    }

    private JsonNode list(String token, String agentId, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(extra);
        body.put("agentId", agentId);
        body.put("title", "Listing of " + agentId);
        var response = api.post("/api/marketplace/listings", token, body);
        assertThat(response.status()).as("listed: %s", response.body()).isEqualTo(201);
        return response.body();
    }

    /** The detail of the 400 a listing with this body gets. */
    private String invalid(Map<String, Object> body) {
        var response = api.post("/api/marketplace/listings", seller, body);
        assertThat(response.status()).as("%s", body).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.body().get("detail").asString();
    }


    private long listingsOf(String agentId) {
        return database.query("SELECT count(*) FROM marketplace_listings WHERE agent_id = ?::uuid", Long.class,
                agentId);
    }

    private long acquisitionsOf(String listingId) {
        return database.query("SELECT count(*) FROM acquisitions WHERE listing_id = ?::uuid", Long.class, listingId);
    }

    private int acquisitionCount(String listingId) {
        return database.query("SELECT acquisition_count FROM marketplace_listings WHERE id = ?::uuid", Integer.class,
                listingId);
    }

    private static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
