package com.agentanchor;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/**
 * A seller's public page with everything on it, which no single module's tests can see: profiles serves it, agents
 * puts their active agents on it, the marketplace their listings on sale; drafts, suspended agents and the email stay
 * off it.
 */
@IntegrationTest
class StorefrontTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Test
    void aSellersPageShowsTheirActiveAgentsAndListingsOnSaleAndNeverTheirEmail() {
        var api = new Api(port);
        var subject = unique("seller");
        var email = subject + "@storefront.test";
        var seller = api.token(subject, email, "Ada Seller");
        api.patch("/api/profiles/me", seller, Map.of("storefrontName", "Ada's Agents", "storefrontBio", "Careful ones"));
        var graduate = agent(api, seller, "Graduate");
        var listed = agent(api, seller, "Listed");
        var suspended = agent(api, seller, "Suspended");
        var draft = api.post("/api/agents", seller, Map.of("name", "Draft")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ANY (?::uuid[])",
                (Object) new String[] { graduate, listed, suspended });
        var listing = api.post("/api/marketplace/listings", seller, Map.of("agentId", listed, "title", "Listed finds",
                "commissionRate", 0.1, "category", "research")).body().get("id").asString();
        api.post("/api/marketplace/listings", seller, Map.of("agentId", suspended, "title", "Suspended"));
        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", suspended);
        var someoneElse = api.token(unique("rival"));
        var rivals = api.post("/api/agents", someoneElse, Map.of("name", "Rival")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", rivals);

        var page = api.get("/api/profiles/" + api.profileId(seller), api.token(unique("visitor")));

        assertThat(page.status()).isEqualTo(200);
        var body = page.body();
        assertThat(body.get("storefrontName").asString()).isEqualTo("Ada's Agents");
        assertThat(ids(body.get("agents"))).as("active ones, newest first").containsExactly(listed, graduate);
        assertThat(body.get("agents").get(0).get("trustTier").asString()).isEqualTo("Untrusted");
        assertThat(body.get("agents").get(0).has("systemPrompt")).isFalse();
        assertThat(ids(body.get("listings"))).as("on sale only").containsExactly(listing);
        assertThat(body.get("listings").get(0).get("commissionRate").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(body.get("listings").get(0).get("category").asString()).isEqualTo("research");
        assertThat(body.toString()).doesNotContain(email, draft, suspended, rivals);
    }

    private static String agent(Api api, String token, String name) {
        return api.post("/api/agents", token, Map.of("name", name, "systemPrompt", "secret of " + name)).body()
                .get("id").asString();
    }

    private static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
