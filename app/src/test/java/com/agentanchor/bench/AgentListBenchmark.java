package com.agentanchor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The two agent lists the web app asks for most, at 100k agents for 1k owners (10% active), on three setups:
 * ours under row-level security (as the app role), ours with RLS out of the way (a superuser with the same
 * filter written out, same rows and indexes), and the origin as built (its indexes and policy form). Prints
 * p50/p95 and the ratios. Run: see the README's "Benchmarks".
 */
public final class AgentListBenchmark {

    static final int OWNERS = 1_000;
    static final int AGENTS = 100_000;
    static final int WARMUP = 300;
    static final int RUNS = 3_000;
    static final String COLUMNS = "id, owner_id, name, description, system_prompt, model, status, trust_score, config, "
            + "metadata, total_interactions, successful_interactions, created_at, updated_at, graduated_at, retired_at";

    public static void main(String[] args) throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            var url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            try (var admin = DriverManager.getConnection(url, "postgres", "")) {
                migrate(admin);
                admin.setAutoCommit(true); // Liquibase leaves its connection in manual commit
                load(admin);
                buildOrigin(admin);
                try (var st = admin.createStatement()) {
                    // The migration gives the app role this planner setting; the RLS-off baseline gets the same.
                    st.execute("ALTER ROLE postgres SET random_page_cost = 1.1");
                }
            }
            try (var admin = DriverManager.getConnection(url, "postgres", "");
                    var app = DriverManager.getConnection(url, "agentanchor_app", "bench")) {
                var profiles = ids(admin, "SELECT id::text FROM profiles ORDER BY id");
                var subjects = ids(admin, "SELECT auth_user_id FROM profiles ORDER BY id");
                var results = new ArrayList<Result>();
                var own = "SELECT " + COLUMNS + " FROM %s WHERE owner_id = ?::uuid ORDER BY created_at DESC, id DESC LIMIT 50";
                var visible = "SELECT " + COLUMNS + " FROM %s ORDER BY created_at DESC, id DESC LIMIT 50";
                var visibleExplicit = "SELECT " + COLUMNS
                        + " FROM agents WHERE owner_id = ?::uuid OR status = 'active' ORDER BY created_at DESC, id DESC LIMIT 50";

                results.add(measure("own newest 50", "ours, RLS (app role)", app, profiles, profiles,
                        String.format(own, "agents"), true));
                results.add(measure("own newest 50", "ours, RLS off", admin, profiles, profiles,
                        String.format(own, "agents"), true));
                results.add(measure("own newest 50", "origin as built", app, subjects, profiles,
                        String.format(own, "origin.agents"), true));
                results.add(measure("visible newest 50", "ours, RLS (app role)", app, profiles, profiles,
                        String.format(visible, "agents"), false));
                results.add(measure("visible newest 50", "ours, RLS off", admin, profiles, profiles, visibleExplicit,
                        true));
                results.add(measure("visible newest 50", "origin as built", app, subjects, profiles,
                        String.format(visible, "origin.agents"), false));
                print(results);
                System.out.println("\nPlans under RLS (app role, one owner):");
                explain(app, profiles.get(0), String.format(own, "agents"), true);
                explain(app, profiles.get(0), String.format(visible, "agents"), false);
                System.out.println("Plans with RLS off:");
                explain(admin, profiles.get(0), String.format(own, "agents"), true);
                explain(admin, profiles.get(0), visibleExplicit, true);
            }
        }
    }

    record Result(String query, String setup, double p50, double p95) {
    }

    /**
     * Each run is one transaction, as the app makes it: set the acting user (the profile id for ours, the auth
     * subject for the origin's policy), then the query. Only the query is timed.
     */
    static Result measure(String query, String setup, Connection c, List<String> contexts, List<String> owners,
            String sql, boolean bindOwner) throws SQLException {
        var random = new Random(42);
        var times = new double[RUNS];
        c.setAutoCommit(false);
        try (var context = c.prepareStatement("SELECT set_config('app.current_user_id', ?, true)");
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                int who = random.nextInt(contexts.size());
                context.setString(1, contexts.get(who));
                context.execute();
                if (bindOwner) {
                    statement.setString(1, owners.get(who));
                }
                long start = System.nanoTime();
                int rows = 0;
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                long elapsed = System.nanoTime() - start;
                c.commit();
                if (rows == 0) {
                    throw new IllegalStateException(setup + " " + query + " returned nothing");
                }
                if (i >= WARMUP) {
                    times[i - WARMUP] = elapsed / 1e6;
                }
            }
        }
        Arrays.sort(times);
        return new Result(query, setup, times[RUNS / 2], times[(int) (RUNS * 0.95)]);
    }

    static void print(List<Result> results) {
        System.out.printf("%nAgent lists: %,d agents, %,d owners, 10%% active; %,d runs each after %d warm-up%n%n",
                AGENTS, OWNERS, RUNS, WARMUP);
        System.out.printf("| %-17s | %-20s | %8s | %8s | %-26s |%n", "query", "setup", "p50 ms", "p95 ms", "ratio (p95)");
        System.out.println("|-------------------|----------------------|----------|----------|----------------------------|");
        for (int i = 0; i < results.size(); i += 3) {
            var ours = results.get(i);
            var off = results.get(i + 1);
            var origin = results.get(i + 2);
            System.out.printf("| %-17s | %-20s | %8.3f | %8.3f | %-26s |%n", ours.query(), ours.setup(), ours.p50(),
                    ours.p95(), String.format("%.2fx of RLS off", ours.p95() / off.p95()));
            System.out.printf("| %-17s | %-20s | %8.3f | %8.3f | %-26s |%n", "", off.setup(), off.p50(), off.p95(), "");
            System.out.printf("| %-17s | %-20s | %8.3f | %8.3f | %-26s |%n", "", origin.setup(), origin.p50(),
                    origin.p95(), String.format("ours is %.1fx faster", origin.p95() / ours.p95()));
        }
        System.out.println("\nTargets: p95 < 1 ms under RLS; >= 10x faster than the origin; <= 1.3x of RLS off.");
    }

    static void explain(Connection c, String profile, String sql, boolean bindOwner) throws SQLException {
        try (var context = c.prepareStatement("SELECT set_config('app.current_user_id', ?, true)");
                var explain = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)) {
            context.setString(1, profile);
            context.execute();
            if (bindOwner) {
                explain.setString(1, profile);
            }
            try (var rs = explain.executeQuery()) {
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
            c.commit();
        }
        System.out.println();
    }

    static void migrate(Connection admin) throws Exception {
        var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(admin));
        var liquibase = new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), database);
        liquibase.setChangeLogParameter("app_password", "bench");
        liquibase.update(new Contexts(), new LabelExpression());
    }

    static void load(Connection admin) throws SQLException {
        try (var st = admin.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("INSERT INTO profiles (email, auth_user_id) SELECT 'user' || i || '@bench.test', 'auth-' || i "
                    + "FROM generate_series(1, " + OWNERS + ") i");
            st.execute("""
                    WITH p AS (SELECT array_agg(id ORDER BY auth_user_id) AS ids FROM profiles)
                    INSERT INTO agents (owner_id, name, description, status, trust_score, config, metadata, created_at)
                    SELECT p.ids[1 + (g %% %d)], 'agent ' || g, 'benchmark agent',
                           CASE WHEN random() < 0.1 THEN 'active' ELSE 'draft' END::agent_status,
                           (random() * 1000)::int, '{"temperature": 0.2}', '{"tags": ["bench"]}',
                           now() - random() * interval '365 days'
                      FROM generate_series(1, %d) g, p""".formatted(OWNERS, AGENTS));
            st.execute("ANALYZE profiles");
            st.execute("ANALYZE agents");
        }
    }

    /** The origin's agents and profiles as Story 1.2 built them: its four agent indexes and its policy form. */
    static void buildOrigin(Connection admin) throws SQLException {
        try (var st = admin.createStatement()) {
            st.execute("""
                    CREATE SCHEMA origin;
                    CREATE TABLE origin.profiles AS SELECT id, email, auth_user_id FROM public.profiles;
                    ALTER TABLE origin.profiles ADD PRIMARY KEY (id);
                    CREATE INDEX profiles_auth_user_idx ON origin.profiles (auth_user_id);
                    CREATE TABLE origin.agents AS SELECT * FROM public.agents;
                    ALTER TABLE origin.agents ADD PRIMARY KEY (id);
                    CREATE INDEX agents_owner_idx ON origin.agents (owner_id);
                    CREATE INDEX agents_status_idx ON origin.agents (status);
                    CREATE INDEX agents_trust_score_idx ON origin.agents (trust_score);
                    CREATE INDEX agents_name_idx ON origin.agents (name);
                    ALTER TABLE origin.agents ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE origin.profiles ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY profiles_select ON origin.profiles FOR SELECT USING (true);
                    CREATE POLICY agents_select ON origin.agents FOR SELECT USING (
                        owner_id IN (SELECT id FROM origin.profiles
                                      WHERE auth_user_id = current_setting('app.current_user_id', true))
                        OR status = 'active');
                    GRANT USAGE ON SCHEMA origin TO agentanchor_app;
                    GRANT SELECT ON origin.agents, origin.profiles TO agentanchor_app;
                    ANALYZE origin.profiles;
                    ANALYZE origin.agents;
                    """);
        }
    }

    static List<String> ids(Connection c, String sql) throws SQLException {
        var ids = new ArrayList<String>();
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
