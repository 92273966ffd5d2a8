package com.agentanchor.observer;

import static com.agentanchor.support.Eventually.await;
import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.observer.application.port.in.ObservationLog;
import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.Observation;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.platform.security.Admins;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * The observer logs what other modules publish, once per event: through the event publication registry, or in the
 * transaction of an act whose actor is in it already.
 */
@IntegrationTest
class ObserverTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    ObservationLog observations;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aRegistrationIsObservedInItsOwnTransaction() throws Exception {
        var token = api.token(unique("trainer"));
        var id = api.post("/api/agents", token, Map.of("name", "Watched")).body().get("id").asString();

        // Committed with the agent: there when the answer is, and never a publication for the observer to deliver.
        var observed = owner.rows("SELECT event_type, actor_type FROM observer_events WHERE subject_id = ?::uuid", id);
        assertThat(observed).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("event_type", "agent.registered").containsEntry("actor_type", "user");
        });
        assertThat(owner.query("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? "
                + "AND listener_id LIKE '%ActionsListener%'", Long.class, "%" + id + "%")).isZero();
        // Every publication about the agent (its chain record, its live messages) completes.
        await(() -> owner.query("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? "
                + "AND completion_date IS NULL", Long.class, "%" + id + "%") == 0);
    }

    @Test
    void aRedeliveredEventIsObservedOnce() {
        var token = api.token(unique("trainer"));
        var me = new ProfileId(UUID.fromString(api.profileId(token)));
        var agent = UUID.fromString(api.post("/api/agents", token, Map.of("name", "Twice")).body().get("id").asString());
        var observation = Observation.ofAgent(UUID.randomUUID(), "agent.tested", EventCategory.agent_action, agent,
                "Twice", me.value(), false, me.value(), "delivered twice", Map.of());

        try (var acting = ActingProfile.enter(me)) {
            assertThat(observations.record(observation)).isPresent();
            assertThat(observations.record(observation)).as("the redelivery").isEmpty();
        }
        assertThat(owner.query("SELECT count(*) FROM observer_events WHERE source_event_id = ?", Long.class,
                observation.sourceEventId())).isEqualTo(1);
    }

    @Test
    void anAcquisitionIsObservedAboutTheAcquisitionSoItStaysOffThePublicFeed() throws Exception {
        var seller = api.token(unique("seller"));
        var agent = api.post("/api/agents", seller, Map.of("name", "Broker")).body().get("id").asString();
        owner.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var listing = api.post("/api/marketplace/listings", seller, Map.of("agentId", agent, "title", "For hire"))
                .body().get("id").asString();
        var consumer = api.token(unique("consumer"));
        var consumerId = api.profileId(consumer);
        var acquisition = api.post("/api/marketplace/listings/" + listing + "/acquisitions", consumer, Map.of())
                .body().get("id").asString();

        assertThat(owner.awaitRow("observation of acquisition " + acquisition, """
                SELECT actor_id::text AS actor, subject_type, payload ->> 'agentId' AS agent
                  FROM observer_events WHERE subject_id = ?::uuid AND event_type = 'marketplace.acquired'""",
                acquisition)).isEqualTo(Map.of("actor", consumerId, "subject_type", "acquisition", "agent", agent));
    }

    @Test
    void aSeatOnTheCouncilIsLoggedAsTheAdminsAct() throws Exception {
        var seated = api.profileId(api.trainer(unique("seated")));
        var admin = api.profileId(api.token(Admins.DEV_ADMIN));

        assertThat(owner.awaitRow("appointment of " + seated, """
                SELECT event_type, category::text AS category, actor_id::text AS actor FROM observer_events
                 WHERE subject_type = 'user' AND subject_id = ?::uuid""", seated))
                .isEqualTo(Map.of("event_type", "council.validator_appointed", "category", "council_activity",
                        "actor", admin));
    }
}
