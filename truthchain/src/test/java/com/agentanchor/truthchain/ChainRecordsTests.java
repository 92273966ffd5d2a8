package com.agentanchor.truthchain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.platform.security.Admins;
import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * What the other modules publish lands on the chain by itself, after their commit: council decisions, the trust
 * they move, suspensions, overrides and acquisitions (sealed: their fields are read from their openings here).
 */
@IntegrationTest
class ChainRecordsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String owner;
    String agent;

    @BeforeEach
    void ownerWithAnAgent() {
        api = new Api(port);
        owner = api.trainer(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Recorded")).body().get("id").asString();
    }

    @Test
    void aDecidedRequestAndTheTrustItMovesAreRecorded() throws Exception {
        var decision = request("approval", 2, "send an invoice");
        vote(decision, api.trainer(unique("validator")));

        assertThat(database.awaitChain(List.of("council_decision", "trust_change"), agent, decision))
                .contains("council_decision", "trust_change");
    }

    @Test
    void aRefusedCheckIsRecordedAndAnAllowedOneIsNotEvenPublishedToTheChain() throws Exception {
        var key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "runtime")).body().get("key")
                .asString();
        var ask = Map.<String, Object>of("action", "read the weather", "riskLevel", 0);
        // A publication's row lasts only until its listener completes: a copy of each new one is kept meanwhile.
        database.update("CREATE TABLE chain_records_test_publications (listener_id text, serialized_event text)");
        database.update("""
                CREATE FUNCTION chain_records_test_copy() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                    SET search_path = public AS $$
                BEGIN
                    INSERT INTO chain_records_test_publications VALUES (NEW.listener_id, NEW.serialized_event);
                    RETURN NULL;
                END $$""");
        database.update("CREATE TRIGGER chain_records_test_copy AFTER INSERT ON event_publication FOR EACH ROW "
                + "EXECUTE FUNCTION chain_records_test_copy()");
        try {
            var refused = api.post("/api/runtime/authorize", key, ask).body(); // a draft is allowed nothing
            assertThat(refused.get("decision").asString()).isEqualTo("deny");
            database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
            var allowed = api.post("/api/runtime/authorize", key, ask).body();
            assertThat(allowed.get("decision").asString()).isEqualTo("allow");

            assertThat(database.awaitChain(List.of("authorization"), agent)).containsOnlyOnce("authorization");
            var toTheChain = "SELECT count(*) FROM chain_records_test_publications "
                    + "WHERE listener_id LIKE '%ChainRecorder%' AND serialized_event LIKE ?";
            assertThat(database.query(toTheChain, Long.class, "%" + refused.get("decisionId").asString() + "%"))
                    .isEqualTo(1);
            assertThat(database.query(toTheChain, Long.class, "%" + allowed.get("decisionId").asString() + "%"))
                    .isZero();
        } finally {
            database.update("DROP TRIGGER chain_records_test_copy ON event_publication");
            database.update("DROP FUNCTION chain_records_test_copy()");
            database.update("DROP TABLE chain_records_test_publications");
        }
    }

    @Test
    void aSuspensionIsRecorded() throws Exception {
        vote(request("suspension", 2, "leaked a secret"), api.trainer(unique("validator")));

        assertThat(database.awaitChain(List.of("agent_suspension"), agent)).contains("agent_suspension");
    }

    @Test
    void anOverrideIsRecordedWithTheVerdictItOverrode() throws Exception {
        var decision = request("approval", 2, "book a venue");
        api.post("/api/council/decisions/" + decision + "/votes", api.trainer(unique("validator")),
                Map.of("vote", "against"));
        api.post("/api/council/decisions/" + decision + "/override", owner, Map.of("reason", "my responsibility"));

        var record = database.awaitRow("override record", """
                SELECT convert_from(p.opening, 'UTF8')::jsonb -> 'payload' ->> 'overriddenVerdict' AS verdict
                  FROM truth_chain t JOIN truth_chain_private p USING (sequence_number)
                 WHERE t.record_type = 'human_override' AND t.subject_id = ?::uuid""", decision);
        assertThat(record).containsEntry("verdict", "rejected");
    }

    @Test
    void anAcquisitionIsRecordedWithItsTermsAndTheConsumerActing() throws Exception {
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var listing = api.post("/api/marketplace/listings", owner, Map.of("agentId", agent, "title", "For hire",
                "commissionRate", 0.15)).body().get("id").asString();
        var consumer = api.token(unique("consumer"));
        var consumerId = api.profileId(consumer);
        var acquisition = api.post("/api/marketplace/listings/" + listing + "/acquisitions", consumer, Map.of())
                .body().get("id").asString();

        var record = database.awaitRow("acquisition record", """
                SELECT t.record_type::text AS type, t.subject_type, o -> 'actor' ->> 'type' AS actor_type,
                       o -> 'actor' ->> 'id' AS actor, o -> 'payload' ->> 'listingId' AS listing,
                       o -> 'payload' ->> 'agentId' AS agent, o -> 'payload' ->> 'consumerId' AS consumer,
                       o -> 'payload' ->> 'acquisitionType' AS acquisition_type,
                       o -> 'payload' ->> 'commissionRate' AS rate,
                       jsonb_typeof(o -> 'payload' -> 'commissionRate') AS rate_json_type,
                       t.actor_id IS NULL AND t.payload - 'occurredAt' = '{}' AS sealed
                  FROM truth_chain t JOIN truth_chain_private p USING (sequence_number)
                 CROSS JOIN LATERAL (SELECT convert_from(p.opening, 'UTF8')::jsonb AS o) AS opened
                 WHERE t.subject_id = ?::uuid""", acquisition);
        assertThat(record).containsEntry("type", "acquisition").containsEntry("subject_type", "acquisition")
                .containsEntry("actor_type", "user").containsEntry("actor", consumerId)
                .containsEntry("listing", listing).containsEntry("agent", agent).containsEntry("consumer", consumerId)
                .containsEntry("acquisition_type", "commission").containsEntry("rate", "0.1500")
                .containsEntry("rate_json_type", "string").containsEntry("sealed", true);
    }

    @Test
    void aSeatOnTheCouncilIsRecordedWithTheAdminWhoGaveIt() throws Exception {
        var admin = api.token(Admins.DEV_ADMIN);
        var seated = api.profileId(api.trainer(unique("seated")));

        var record = database.awaitRow("appointment record", """
                SELECT actor_id::text AS actor FROM truth_chain
                 WHERE record_type = 'system_event' AND subject_type = 'user' AND subject_id = ?::uuid
                   AND payload ->> 'event' = 'validator_appointed'""", seated);
        assertThat(record).containsEntry("actor", api.profileId(admin));
    }

    private String request(String type, int risk, String action) {
        return api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", type, "riskLevel",
                risk, "subjectAction", action)).body().get("id").asString();
    }

    private void vote(String decision, String validator) {
        assertThat(api.post("/api/council/decisions/" + decision + "/votes", validator, Map.of("vote", "for"))
                .status()).isEqualTo(200);
    }
}
