package com.agentanchor.council;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.council.application.port.in.DecisionExpiry;
import com.agentanchor.council.events.DecisionMade;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.PublishedEvents;

/** A request the council leaves undecided past its expiry is rejected as expired, moves no trust, and is news. */
@IntegrationTest
class DecisionExpiryTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    PublishedEvents published;

    @Autowired
    DecisionExpiry expiry;

    @Test
    void aRequestPastItsExpiryIsRejectedOnceAndOneStillInTimeWaits() {
        var api = new Api(port);
        var owner = api.token(unique("owner"));
        var agent = api.post("/api/agents", owner, Map.of("name", "Waiting")).body().get("id").asString();
        var due = request(api, owner, agent, "book a flight");
        var inTime = request(api, owner, agent, "book a hotel");
        var expiresAt = database.query("SELECT expires_at FROM council_decisions WHERE id = ?::uuid",
                OffsetDateTime.class, inTime).toInstant();
        assertThat(Duration.between(Instant.now(), expiresAt)).as("72 h by default")
                .isBetween(Duration.ofHours(71), Duration.ofHours(72));
        database.update("UPDATE council_decisions SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid",
                due);

        assertThat(expiry.expireDue()).isPositive();

        var expired = api.get("/api/council/decisions/" + due, owner).body();
        assertThat(expired.get("status").asString()).isEqualTo("rejected");
        assertThat(expired.get("reasoning").asString()).startsWith("Expired: no verdict by ");
        assertThat(expired.get("trustImpact").asInt()).isZero();
        assertThat(expired.get("decidedAt").isNull()).isFalse();
        assertThat(api.get("/api/council/decisions/" + inTime, owner).body().get("status").asString())
                .isEqualTo("pending");
        assertThat(api.get("/api/agents/" + agent, owner).body().get("trustScore").asInt()).isEqualTo(100);
        assertThat(published.ofType(DecisionMade.class)).filteredOn(e -> e.decisionId().toString().equals(due))
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo("rejected");
                    assertThat(e.actorId()).as("nobody acted").isNull();
                });
        expiry.expireDue();
        assertThat(published.ofType(DecisionMade.class)).as("expired once")
                .filteredOn(e -> e.decisionId().toString().equals(due)).hasSize(1);
    }

    private static String request(Api api, String owner, String agent, String action) {
        return api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 2, "subjectAction", action)).body().get("id").asString();
    }
}
