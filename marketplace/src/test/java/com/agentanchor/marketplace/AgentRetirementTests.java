package com.agentanchor.marketplace;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.support.Api;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** A retired agent leaves the market: its listing retires, its commissions end, its clones stay their owners'. */
@IntegrationTest
class AgentRetirementTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void retiringAnAgentRetiresItsListingAndEndsWhatCanEnd() throws Exception {
        var api = new Api(port);
        var market = new MarketplaceFixture(api, database);
        var seller = api.token(unique("seller"));
        var agent = market.graduate(seller, "Veteran");
        var listing = market.list(seller, agent, Map.of("availableForClone", true, "clonePrice", 3)).get("id")
                .asString();
        var commission = market.acquired(api.token(unique("consumer")), listing, "commission").get("id").asString();
        var clone = market.acquired(api.token(unique("cloner")), listing, "clone").get("id").asString();

        // What the agents module publishes when its owner retires it (the agents module owns that move).
        database.update("UPDATE agents SET status = 'retired', retired_at = now() WHERE id = ?::uuid", agent);
        var owner = UUID.fromString(api.profileId(seller));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new AgentStatusChanged(
                UUID.randomUUID(), UUID.fromString(agent), "Veteran", owner, "active", "retired", "retired by owner",
                null, owner, Instant.now())));

        Eventually.await(() -> "retired".equals(database.query(
                "SELECT status::text FROM marketplace_listings WHERE id = ?::uuid", String.class, listing)));
        assertThat(status(commission)).isEqualTo("terminated");
        assertThat(status(clone)).as("a clone is its buyer's agent").isEqualTo("active");
        assertThat(api.get("/api/marketplace/listings/" + listing, null).status()).isEqualTo(404);
    }

    private String status(String acquisition) {
        return database.query("SELECT status::text FROM acquisitions WHERE id = ?::uuid", String.class, acquisition);
    }
}
