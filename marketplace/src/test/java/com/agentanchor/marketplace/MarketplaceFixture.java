package com.agentanchor.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.agentanchor.support.Api;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/** What the marketplace's integration tests do again and again: graduate an agent, list it, acquire it. */
final class MarketplaceFixture {

    private final Api api;
    private final OwnerDatabase database;

    MarketplaceFixture(Api api, OwnerDatabase database) {
        this.api = api;
        this.database = database;
    }

    /** A new agent of {@code owner}'s, made active as a graduation would. */
    String graduate(String owner, String name) {
        var id = api.post("/api/agents", owner, Map.of("name", name, "description", "A " + name,
                "systemPrompt", "The secret of " + name)).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", id);
        return id;
    }

    JsonNode list(String token, String agentId, Map<String, Object> fields) {
        var body = new HashMap<String, Object>(fields);
        body.put("agentId", agentId);
        body.putIfAbsent("title", "Listing of " + agentId);
        var response = api.post("/api/marketplace/listings", token, body);
        assertThat(response.status()).as("listed: %s", response.body()).isEqualTo(201);
        return response.body();
    }

    Api.Response acquire(String token, String listingId, String type) {
        return api.post("/api/marketplace/listings/" + listingId + "/acquisitions", token, Map.of("type", type));
    }

    JsonNode acquired(String token, String listingId, String type) {
        var response = acquire(token, listingId, type);
        assertThat(response.status()).as("acquired: %s", response.body()).isEqualTo(201);
        return response.body();
    }

    static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
