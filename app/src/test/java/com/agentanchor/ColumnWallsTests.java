package com.agentanchor;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * The second wall, under row-level security: columns nobody may set directly, refused by grants even to the user
 * whose row it is. Printed as a matrix (column, who tried, outcome); each cell is an UPDATE through the app role,
 * rolled back, as the row's rightful user.
 */
@IntegrationTest
class ColumnWallsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    @Test
    void derivedCountersCopiedTermsSpendIdentityTierAndAcademyScoresAreWrittenByNobodyDirectly() {
        var api = new Api(port);
        var sellerToken = api.token(unique("seller"));
        var seller = api.profileId(sellerToken);
        var agent = api.post("/api/agents", sellerToken, Map.of("name", "Walled")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var listing = api.post("/api/marketplace/listings", sellerToken, Map.of("agentId", agent, "title", "Walled",
                "commissionRate", 0.15)).body().get("id").asString();
        var consumerToken = api.token(unique("consumer"));
        var consumer = api.profileId(consumerToken);
        var acquisition = api.post("/api/marketplace/listings/" + listing + "/acquisitions", consumerToken, Map.of())
                .body().get("id").asString();

        var walls = new LinkedHashMap<String, String>();
        for (var change : List.of("email = 'me@else.test'", "auth_user_id = 'someone-else'",
                "subscription_tier = 'enterprise'")) {
            walls.put("profiles." + change, outcome(consumer, "UPDATE profiles SET " + change + " WHERE id = ?::uuid",
                    consumer));
        }
        for (var change : List.of("acquisition_count = 1000", "average_rating = 5", "review_count = 1000",
                "view_count = 1000000", "current_clones = 0", "seller_id = '" + consumer + "'")) {
            walls.put("marketplace_listings." + change, outcome(seller,
                    "UPDATE marketplace_listings SET " + change + " WHERE id = ?::uuid", listing));
        }
        for (var change : List.of("commission_rate_at_acquisition = 0", "price_at_acquisition = 0",
                "total_spent = 0", "total_usage = 0", "status = 'active'", "can_walk_away = true",
                "status = 'terminated'", "walk_away_reason = 'gone'", "terminated_at = now()",
                "cloned_agent_id = '" + agent + "'")) {
            walls.put("acquisitions." + change, outcome(consumer,
                    "UPDATE acquisitions SET " + change + " WHERE id = ?::uuid", acquisition));
        }
        walls.put("acquisitions: INSERT with its own rate", outcome(consumer, """
                INSERT INTO acquisitions (listing_id, agent_id, consumer_id, acquisition_type, status,
                                          commission_rate_at_acquisition)
                VALUES (?::uuid, '%s', '%s', 'commission', 'terminated', 0)""".formatted(agent, consumer), listing));

        walls.put("acquisitions: INSERT a commission naming a clone", outcome(consumer, """
                INSERT INTO acquisitions (listing_id, agent_id, consumer_id, acquisition_type, cloned_agent_id)
                VALUES (?::uuid, '%s', '%s', 'commission', '%s')""".formatted(agent, consumer, agent), listing));
        walls.put("acquisitions: walk_away as the seller", outcome(seller, "SELECT walk_away(?::uuid, 'not mine')",
                acquisition));
        walls.put("acquisitions: record_acquisition_usage as the consumer", outcome(consumer,
                "SELECT record_acquisition_usage(?::uuid, 1000)", acquisition));
        walls.put("acquisitions: terminate_acquisition as the consumer", outcome(consumer,
                "SELECT terminate_acquisition(?::uuid, 'not mine')", acquisition));

        for (var change : List.of("status = 'retired'", "retired_at = now()")) {
            walls.put("agents." + change, outcome(seller, "UPDATE agents SET " + change + " WHERE id = ?::uuid", agent));
        }
        walls.put("agents: retire_own_agent as a stranger", outcome(consumer, "SELECT retire_own_agent(?::uuid)",
                agent));

        var trainee = api.post("/api/agents", consumerToken, Map.of("name", "Trainee")).body().get("id").asString();
        var enrollment = api.post("/api/academy/enrollments", consumerToken, Map.of("agentId", trainee)).body()
                .get("id").asString();
        for (var change : List.of("status = 'passed'", "module_scores = '{\"1\": 100}'", "overall_score = 100",
                "completed_modules = '[1, 2, 3, 4, 5]'", "current_module = NULL", "module_results = '[]'",
                "examination_history = '[]'", "last_examination_score = 100", "graduated_at = now()")) {
            walls.put("academy_progress." + change, outcome(consumer,
                    "UPDATE academy_progress SET " + change + " WHERE id = ?::uuid", enrollment));
        }
        walls.put("academy_progress: INSERT with its own scores", outcome(consumer, """
                INSERT INTO academy_progress (agent_id, curriculum_type, status, module_scores)
                VALUES (?::uuid, 'remedial', 'passed', '{"1": 100}')""", trainee));

        walls.forEach((cell, result) -> System.out.printf("column wall  %-70s %s%n", cell, result));
        assertThat(walls).allSatisfy((cell, result) -> assertThat(result).as(cell).isEqualTo("refused"));
        assertThat(outcome(consumer, "UPDATE profiles SET full_name = 'still mine' WHERE id = ?::uuid", consumer))
                .as("what the user may edit").isEqualTo("allowed");
        assertThat(database.query("SELECT commission_rate_at_acquisition FROM acquisitions WHERE id = ?::uuid",
                String.class, acquisition)).as("copied from the listing").isEqualTo("0.1500");
    }

    private String outcome(String actor, String sql, String id) {
        try {
            appRole.actingFor(actor, jdbc -> jdbc.update(sql, id));
            return "allowed";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause() instanceof SQLException denied && "42501".equals(denied.getSQLState())
                    ? "refused" : "failed: " + e.getMostSpecificCause().getMessage();
        }
    }

}
