package com.agentanchor;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.Api;
import com.agentanchor.support.ChainApp;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.PgBouncer;

/**
 * The app through a real pooler (issue 15): Debian's PgBouncer in transaction mode with one server connection per
 * database and user, nothing reset between transactions, the way Neon's {@code -pooler} host runs it. A second app
 * instance's pool goes through it (its migrations straight to PostgreSQL, as {@code DATABASE_URL_UNPOOLED}); its
 * flows must work, and whatever they could leave in a session (prepared statements, settings, advisory locks) must
 * not be on that one shared server connection afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolerTests {

    /** The settings PgBouncer itself SETs on a server connection to match each client's startup parameters. */
    private static final List<String> POOLER_TRACKED = List.of("client_encoding", "datestyle", "timezone",
            "standard_conforming_strings", "application_name");

    @Autowired
    Environment env;

    PgBouncer pooler;
    FreshDatabase db;
    ChainApp app;
    Api api;

    @BeforeAll
    void start() throws Exception {
        pooler = PgBouncer.inFrontOf(env, 1);
        db = FreshDatabase.create(env, "pooler");
        app = ChainApp.start(env, db, "spring.datasource.url=" + pooler.url(db.name()),
                "DATABASE_URL_UNPOOLED=" + db.url());
        api = app.api();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
        if (pooler != null) {
            pooler.close();
        }
    }

    @Test
    void theFlowsWorkThroughTransactionPoolingAndLeaveNoSessionStateBehind() throws Exception {
        var owner = api.token(unique("owner"));
        var agent = api.post("/api/agents", owner, Map.of("name", "Pooled")).body().get("id").asString();
        var enrollment = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id")
                .asString();
        var examiner = api.trainer(unique("examiner"));
        for (int module = 1; module <= 5; module++) {
            assertThat(api.post("/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results",
                    examiner, Map.of("score", 90)).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/academy/enrollments/" + enrollment + "/examination", owner, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/academy/enrollments/" + enrollment + "/grades", examiner, Map.of("score", 85))
                .body().get("status").asString()).isEqualTo("passed");
        var key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "pooled")).body().get("key")
                .asString();

        var allowed = api.post("/api/runtime/authorize", key, Map.of("action", "read the weather", "riskLevel", 0));
        assertThat(allowed.body().get("decision").asString()).isEqualTo("allow");
        var denied = api.post("/api/runtime/authorize", key, Map.of("action", "wire money", "riskLevel", 4));
        assertThat(denied.status()).isEqualTo(200);
        assertThat(api.post("/api/runtime/events", key, Map.of("eventType", "tool.search", "title", "pooled",
                "idempotencyKey", "pooled-1")).status()).isEqualTo(201);
        assertThat(api.post("/api/runtime/events", key, Map.of("eventType", "tool.search", "title", "pooled",
                "idempotencyKey", "pooled-1")).status()).as("a retry is recognised").isEqualTo(200);
        Eventually.await(() -> titles(api.get("/api/observer/events?agentId=" + agent, owner).body())
                .contains("pooled"));
        Eventually.await(() -> api.get("/api/truth-chain/verify", null).body().get("verified").asLong() > 0);
        assertThat(api.get("/api/truth-chain/verify", null).body().get("intact").asBoolean()).isTrue();

        try (var connection = appRole()) {
            assertThat(list(connection, "SELECT name FROM pg_prepared_statements"))
                    .as("server-side prepared statements left on the shared server connection").isEmpty();
            assertThat(list(connection, "SELECT objid::text FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid()")).as("advisory locks held past a transaction").isEmpty();
            var settings = list(connection, "SELECT lower(name) FROM pg_settings WHERE source = 'session'");
            settings.removeAll(POOLER_TRACKED);
            assertThat(settings).as("settings SET for the session").isEmpty();
        }
        assertThat(pooler.log()).doesNotContain("ERROR").doesNotContain("WARNING");
    }

    @Test
    void twoUsersWhoseTransactionsInterleaveOnOneServerConnectionNeverSeeEachOthersRows() throws Exception {
        var alice = api.token(unique("alice"));
        var bob = api.token(unique("bob"));
        var aliceDraft = api.post("/api/agents", alice, Map.of("name", "Alice's draft")).body().get("id").asString();
        var bobDraft = api.post("/api/agents", bob, Map.of("name", "Bob's draft")).body().get("id").asString();
        var aliceProfile = api.profileId(alice);
        var bobProfile = api.profileId(bob);

        try (var a = appRole(); var b = appRole()) {
            var servers = new ArrayList<String>();
            for (int round = 0; round < 10; round++) {
                servers.add(inTransactionAs(a, aliceProfile, aliceDraft, bobDraft, List.of(aliceDraft)));
                servers.add(inTransactionAs(b, bobProfile, aliceDraft, bobDraft, List.of(bobDraft)));
                // Outside any transaction of its own nobody is acting: the last one's setting must not linger.
                assertThat(drafts(a, aliceDraft, bobDraft)).as("round %d, no one acting", round).isEmpty();
            }
            assertThat(servers).as("both clients ran on the one server connection").containsOnly(servers.get(0));
        }
    }

    /** One transaction as {@code profile}: what it sees of the two drafts, and the server connection it ran on. */
    private static String inTransactionAs(Connection connection, String profile, String first, String second,
            List<String> expected) throws Exception {
        connection.setAutoCommit(false);
        try {
            try (var set = connection.prepareStatement("SELECT set_config('app.current_user_id', ?, true)")) {
                set.setString(1, profile);
                set.execute();
            }
            assertThat(drafts(connection, first, second)).isEqualTo(expected);
            return list(connection, "SELECT pg_backend_pid()::text").get(0);
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static List<String> drafts(Connection connection, String first, String second) throws Exception {
        try (var query = connection.prepareStatement(
                "SELECT id::text FROM agents WHERE id IN (?::uuid, ?::uuid) ORDER BY id")) {
            query.setString(1, first);
            query.setString(2, second);
            var ids = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<String> list(Connection connection, String sql) throws Exception {
        var values = new ArrayList<String>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The app's role through the pooler, as the app's pool connects. */
    private Connection appRole() throws Exception {
        return DriverManager.getConnection(pooler.url(db.name()), env.getRequiredProperty("spring.datasource.username"),
                env.getRequiredProperty("spring.datasource.password"));
    }

    private static List<String> titles(tools.jackson.databind.JsonNode page) {
        var titles = new ArrayList<String>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }
}
