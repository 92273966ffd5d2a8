package com.agentanchor;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** Row-level security held by the database itself, checked as the app role with plain SQL. */
@IntegrationTest
class RowLevelSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    /** The app's own pool: it logs in as agentanchor_app. */
    @Autowired
    DataSource appPool;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theAppRoleIsNeitherOwnerNorSuperuserNorExemptFromPolicies() {
        var role = new JdbcTemplate(appPool).queryForMap("""
                SELECT current_user AS name, r.rolsuper, r.rolbypassrls,
                       (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                           AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
                  FROM pg_roles r WHERE r.rolname = current_user""");
        assertThat(role).containsEntry("name", "agentanchor_app").containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false).containsEntry("owned", 0L);
        assertThat(owner.query("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.agents'::regclass",
                String.class)).isEqualTo("agentanchor_owner");
    }

    @Test
    void everyTableTheAppRoleCanReachForcesRowLevelSecurity() {
        var tables = owner.rows("""
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                   AND has_table_privilege('agentanchor_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')""");
        assertThat(tables).extracting(t -> t.get("relname"))
                .contains("profiles", "agents", "observer_events", "event_publication");
        assertThat(tables).allSatisfy(t -> assertThat(t).containsEntry("relrowsecurity", true)
                .containsEntry("relforcerowsecurity", true));
    }

    /**
     * The helpers through which policies read who acts are inlined into the query, an expression evaluated once per
     * statement: with a SET clause (as a definer helper needs) each would be a function call that saves and
     * restores search_path, about half of an agent's single-row observer insert (0.425 against 0.222 ms, measured).
     */
    @Test
    void thePoliciesReadWhoActsWithoutCallingAFunction() {
        var plan = String.join("\n", new JdbcTemplate(appPool).queryForList("""
                EXPLAIN (VERBOSE, COSTS OFF)
                SELECT (SELECT count(*) FROM observer_events), (SELECT count(*) FROM council_decisions)""",
                String.class));
        assertThat(plan).contains("current_setting('app.current_user_id'", "current_setting('app.current_agent_id'",
                "current_setting('app.current_user_is_admin'").doesNotContain("current_profile_id()",
                "current_agent_id()", "current_user_is_admin()");
    }

    @Test
    void anotherUsersDraftIsInvisibleAndUntouchableInSql() {
        var aliceToken = api.token(unique("alice"));
        var agent = api.post("/api/agents", aliceToken, Map.of("name", "Private")).body().get("id").asString();
        var alice = profileId(aliceToken);
        var bob = profileId(api.token(unique("bob")));

        assertThat(asUser(alice, "SELECT count(*) FROM agents WHERE id = '" + agent + "'")).isEqualTo(1);
        assertThat(asUser(bob, "SELECT count(*) FROM agents WHERE id = '" + agent + "'")).isZero();
        assertThat(asUser("", "SELECT count(*) FROM agents WHERE id = '" + agent + "'")).isZero();
        assertThat(withoutContext("SELECT count(*) FROM agents WHERE id = '" + agent + "'")).isZero();
        assertThat(asUserUpdate(bob, "UPDATE agents SET name = 'stolen' WHERE id = '" + agent + "'")).isZero();
        assertThat(asUserUpdate(bob, "DELETE FROM agents WHERE id = '" + agent + "'")).isZero();
        assertThatThrownBy(() -> asUserUpdate(bob, "INSERT INTO agents (owner_id, name) VALUES ('" + alice + "', 'x')"))
                .rootCause().hasMessageContaining("row-level security");
        assertThat(owner.query("SELECT name FROM agents WHERE id = ?::uuid", String.class, agent)).isEqualTo("Private");
        assertThat(asUser(bob, "SELECT count(*) FROM profiles WHERE id = '" + alice + "'")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "TRUNCATE agents",
            "ALTER TABLE agents DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE agents NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY agents_select_own_or_active ON agents",
            "INSERT INTO profiles (email) VALUES ('sneaky@example.test')",
            "DELETE FROM profiles",
            "UPDATE observer_events SET title = 'rewritten'",
            "DELETE FROM observer_events",
            "SET ROLE agentanchor_owner" })
    void theAppRoleCannot(String sql) {
        // 42501: insufficient_privilege, whether from a grant, ownership or role membership.
        assertThatThrownBy(() -> asUserUpdate("", sql)).rootCause().isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    @Test
    void trustScoresAreClampedToTheLadder() {
        var token = api.token(unique("clamp"));
        var agent = api.post("/api/agents", token, Map.of("name", "Clamped")).body().get("id").asString();
        owner.update("UPDATE agents SET trust_score = 5000 WHERE id = ?::uuid", agent);
        assertThat(owner.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent)).isEqualTo(1000);
        owner.update("UPDATE agents SET trust_score = -20 WHERE id = ?::uuid", agent);
        assertThat(owner.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent)).isZero();
    }

    @Test
    void anOwnerCannotJudgeTheirOwnAgentInSql() {
        var token = api.trainer(unique("judge"));
        var agent = api.post("/api/agents", token, Map.of("name", "Self-made")).body().get("id").asString();
        var me = profileId(token);

        for (var sql : List.of("UPDATE agents SET trust_score = 1000 WHERE id = '" + agent + "'",
                "UPDATE agents SET status = 'active' WHERE id = '" + agent + "'",
                "INSERT INTO agents (owner_id, name, status, trust_score) VALUES ('" + me + "', 'x', 'active', 999)")) {
            assertThatThrownBy(() -> asUserUpdate(me, sql)).as(sql).rootCause().hasMessageContaining("permission denied");
        }
        for (var sql : List.of("SELECT count(*) FROM apply_trust_change('" + agent + "', 500, 'manual_adjustment', "
                + "'me', NULL, NULL)", "SELECT count(*) FROM change_agent_status('" + agent + "', 'active')")) {
            assertThatThrownBy(() -> asUser(me, sql)).as(sql).rootCause().hasMessageContaining("only a validator");
        }
        assertThat(asUser(me, "SELECT count(*) FROM agent_under_review('" + agent + "')")).isZero();
        assertThat(owner.rows("SELECT status::text, trust_score FROM agents WHERE id = ?::uuid", agent))
                .containsExactly(Map.of("status", "draft", "trust_score", 100));
    }

    private UUID profileId(String token) {
        return UUID.fromString(api.profileId(token));
    }

    private Long asUser(Object profile, String sql) {
        return inTransaction(profile, jdbc -> jdbc.queryForObject(sql, Long.class));
    }

    private int asUserUpdate(Object profile, String sql) {
        return inTransaction(profile, jdbc -> jdbc.update(sql));
    }

    private Long withoutContext(String sql) {
        return new JdbcTemplate(appPool).queryForObject(sql, Long.class);
    }

    /** A transaction as the app role, acting for {@code profile}, always rolled back. */
    private <T> T inTransaction(Object profile, java.util.function.Function<JdbcTemplate, T> work) {
        var tx = new TransactionTemplate(new DataSourceTransactionManager(appPool));
        return tx.execute(status -> {
            status.setRollbackOnly();
            var jdbc = new JdbcTemplate(appPool);
            jdbc.queryForObject("SELECT set_config('app.current_user_id', ?, true)", String.class, profile.toString());
            return work.apply(jdbc);
        });
    }
}
