package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;

/**
 * The row-level security matrix: every table × command × actor, run through the app's login role against rows
 * the owner seeded, each outcome compared with what the policies intend. Printed as the test's report.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RlsMatrixTests {

    enum Actor { OWNER, OTHER, VALIDATOR, ANONYMOUS, NEVER_SET }

    enum Command { SELECT, INSERT, INSERT_RETURNING, UPSERT, UPDATE, DELETE, COPY_FROM, TRUNCATE }

    enum Outcome { ALLOW, DENY }

    static final Set<Actor> NOBODY = EnumSet.noneOf(Actor.class);
    static final Set<Actor> OWNER = EnumSet.of(Actor.OWNER);
    static final Set<Actor> VALIDATOR = EnumSet.of(Actor.VALIDATOR);
    static final Set<Actor> OWNER_AND_VALIDATOR = EnumSet.of(Actor.OWNER, Actor.VALIDATOR);
    static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);

    // The seeded world: O owns a draft agent and everything hanging off it; X is another user; V another trainer,
    // so a council validator; S sells an active agent that O acquired.
    final UUID o = UUID.randomUUID();
    final UUID x = UUID.randomUUID();
    final UUID v = UUID.randomUUID();
    final UUID s = UUID.randomUUID();
    final UUID agent = UUID.randomUUID();
    final UUID sellersAgent = UUID.randomUUID();
    final UUID trust = UUID.randomUUID();
    final UUID decision = UUID.randomUUID();
    final UUID record = UUID.randomUUID();
    final UUID event = UUID.randomUUID();
    final UUID listing = UUID.randomUUID();
    final UUID sellersListing = UUID.randomUUID();
    final UUID acquisition = UUID.randomUUID();
    final UUID progress = UUID.randomUUID();
    final UUID key = UUID.randomUUID();
    final UUID opening = UUID.randomUUID();
    final UUID notification = UUID.randomUUID();
    final UUID delivery = UUID.randomUUID();
    final UUID secret = UUID.randomUUID();
    final UUID tally = UUID.randomUUID();

    @Autowired
    Environment env;

    FreshDatabase db;
    List<Table> tables;

    record Table(String name, UUID target, String insertColumns, String insertValues, String change,
            Map<Command, Set<Actor>> allowed) {

        String sql(Command command) {
            return switch (command) {
                case SELECT -> "SELECT count(*) FROM " + name + " WHERE id = '" + target + "'";
                case INSERT -> "INSERT INTO " + name + " (" + insertColumns + ") VALUES (" + insertValues + ")";
                case INSERT_RETURNING -> sql(Command.INSERT) + " RETURNING id";
                case UPSERT -> "INSERT INTO " + name + " (id, " + insertColumns + ") VALUES ('" + target + "', "
                        + insertValues + ") ON CONFLICT (id) DO UPDATE SET " + change;
                case UPDATE -> "UPDATE " + name + " SET " + change + " WHERE id = '" + target + "'";
                case DELETE -> "DELETE FROM " + name + " WHERE id = '" + target + "'";
                case COPY_FROM -> "COPY " + name + " (" + insertColumns + ") FROM STDIN";
                case TRUNCATE -> "TRUNCATE " + name;
            };
        }
    }

    static Map<Command, Set<Actor>> allowing(Set<Actor> select, Set<Actor> insert, Set<Actor> upsert,
            Set<Actor> update, Set<Actor> delete) {
        var allowed = new LinkedHashMap<Command, Set<Actor>>();
        allowed.put(Command.SELECT, select);
        allowed.put(Command.INSERT, insert);
        allowed.put(Command.INSERT_RETURNING, insert);
        allowed.put(Command.UPSERT, upsert);
        allowed.put(Command.UPDATE, update);
        allowed.put(Command.DELETE, delete);
        allowed.put(Command.COPY_FROM, NOBODY); // COPY FROM is refused under row-level security
        allowed.put(Command.TRUNCATE, NOBODY);
        return allowed;
    }

    @BeforeAll
    void seed() throws Exception {
        db = FreshDatabase.create(env, "rls").migrate();
        try (var c = db.owner(); var st = c.createStatement()) {
            st.execute(String.format("""
                    INSERT INTO profiles (id, email, auth_user_id) VALUES ('%1$s', 'o@x.test', 'o'), ('%2$s', 'x@x.test', 'x'),
                        ('%3$s', 's@x.test', 's');
                    INSERT INTO profiles (id, email, auth_user_id, role) VALUES ('%14$s', 'v@x.test', 'v', 'trainer');
                    INSERT INTO validator_credentials (profile_id) VALUES ('%14$s');
                    INSERT INTO agents (id, owner_id, name) VALUES ('%4$s', '%1$s', 'O''s secret draft');
                    INSERT INTO agents (id, owner_id, name, status) VALUES ('%5$s', '%3$s', 'S''s public agent', 'active');
                    INSERT INTO trust_history (id, agent_id, previous_score, new_score, change, source)
                        VALUES ('%6$s', '%4$s', 100, 120, 20, 'examination');
                    INSERT INTO council_decisions (id, agent_id, decision_type, subject_action)
                        VALUES ('%7$s', '%4$s', 'approval', 'send email');
                    INSERT INTO truth_chain (id, sequence_number, previous_hash, hash, record_type, subject_type,
                                             subject_id, payload, canonical, signature, key_id)
                        VALUES ('%8$s', 1, 'genesis', repeat('a', 64), 'agent_creation', 'agent', '%4$s', '{}',
                                '\\x7b7d', 'sig', 'key');
                    INSERT INTO observer_events (id, event_type, category, subject_type, subject_id, actor_type, actor_id, title)
                        VALUES ('%9$s', 'agent.registered', 'agent_action', 'agent', '%4$s', 'user', '%1$s', 'created');
                    INSERT INTO marketplace_listings (id, agent_id, seller_id, title) VALUES ('%10$s', '%4$s', '%1$s', 'draft listing');
                    INSERT INTO marketplace_listings (id, agent_id, seller_id, title, status)
                        VALUES ('%11$s', '%5$s', '%3$s', 'public listing', 'active');
                    INSERT INTO acquisitions (id, listing_id, agent_id, consumer_id, acquisition_type)
                        VALUES ('%12$s', '%11$s', '%5$s', '%1$s', 'commission');
                    INSERT INTO academy_progress (id, agent_id, curriculum_type, status)
                        VALUES ('%13$s', '%4$s', 'basic_training', 'withdrawn');
                    INSERT INTO agent_keys (id, agent_id, name, key_hash, key_prefix, revoked_at)
                        VALUES ('%15$s', '%4$s', 'revoked', sha256('k'), 'aak_k', now());
                    INSERT INTO truth_chain_private (id, sequence_number, subject_type, subject_id, opening)
                        VALUES ('%16$s', 1, 'agent', '%4$s', '\\x7b7d');
                    INSERT INTO notifications (id, recipient_id, kind, type, title)
                        VALUES ('%17$s', '%1$s', 'agent.registered', 'success', 'Agent registered');
                    INSERT INTO webhook_deliveries (id, recipient_id, url, payload)
                        VALUES ('%18$s', '%1$s', 'https://hooks.example.test/o', '{}');
                    INSERT INTO webhook_secrets (id, profile_id, secret)
                        VALUES ('%19$s', '%1$s', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
                    INSERT INTO agent_outcome_tallies (id, agent_id, successes, failures) VALUES ('%20$s', '%4$s', 1, 0);
                    """, o, x, s, agent, sellersAgent, trust, decision, record, event, listing, sellersListing,
                    acquisition, progress, v, key, opening, notification, delivery, secret, tally));
        }
        tables = List.of(
                new Table("profiles", o, "email", "'new-' || gen_random_uuid() || '@x.test'", "full_name = 'changed'",
                        allowing(OWNER, NOBODY, NOBODY, OWNER, NOBODY)),
                new Table("agents", agent, "owner_id, name", "'" + o + "', 'new'", "name = 'changed'",
                        allowing(OWNER, OWNER, OWNER, OWNER, OWNER)),
                new Table("trust_history", trust, "agent_id, previous_score, new_score, change, source",
                        "'" + agent + "', 100, 999, 899, 'manual_adjustment'", "reason = 'changed'",
                        allowing(OWNER, NOBODY, NOBODY, NOBODY, NOBODY)),
                new Table("council_decisions", decision, "agent_id, decision_type, subject_action",
                        "'" + agent + "', 'approval', 'new'", "reasoning = 'changed'",
                        // ON CONFLICT DO UPDATE also checks the INSERT policy, which only owners pass.
                        allowing(OWNER_AND_VALIDATOR, OWNER, NOBODY, VALIDATOR, NOBODY)),
                new Table("truth_chain", record,
                        "sequence_number, previous_hash, hash, record_type, subject_type, subject_id, payload, canonical, signature, key_id",
                        "2, repeat('a', 64), repeat('b', 64), 'system_event', 'system', '" + agent + "', '{}', '\\x7b7d', 's', 'k'",
                        "anchor_tx_hash = 'changed'", allowing(EVERYONE, NOBODY, NOBODY, NOBODY, NOBODY)),
                new Table("observer_events", event, "event_type, category, subject_type, subject_id, actor_type, actor_id, title",
                        "'t', 'agent_action', 'agent', '" + agent + "', 'user', '" + o + "', 'new'", "title = 'changed'",
                        allowing(OWNER, OWNER, NOBODY, NOBODY, NOBODY)),
                new Table("marketplace_listings", listing, "agent_id, seller_id, title", "'" + agent + "', '" + o + "', 'new'",
                        "title = 'changed'", allowing(OWNER, OWNER, OWNER, OWNER, OWNER)),
                // Terminated, since O holds the seeded active acquisition of the listing and a second active one
                // is refused by a unique index (a business rule, not a policy). A commission, the kind the listing
                // offers: take_listing_stock refuses the others before any policy is asked.
                new Table("acquisitions", acquisition, "listing_id, agent_id, consumer_id, acquisition_type, status",
                        "'" + sellersListing + "', '" + sellersAgent + "', '" + o + "', 'commission', 'terminated'",
                        "review = 'changed'",
                        allowing(OWNER, OWNER, OWNER, OWNER, NOBODY)),
                // A revoked key, which nobody revives: only its owner sees it, and may add keys beside it.
                new Table("agent_keys", key, "agent_id, name, key_hash, key_prefix",
                        "'" + agent + "', 'new', sha256(gen_random_uuid()::text::bytea), 'aak_new'",
                        "revoked_at = NULL", allowing(OWNER, OWNER, NOBODY, NOBODY, NOBODY)),
                // The private fields of a sealed record about O's draft: only who may see the draft reads them, and
                // nobody writes them but the truth chain's definer functions (append, erasure).
                new Table("truth_chain_private", opening, "sequence_number, subject_type, subject_id, opening",
                        "2, 'agent', '" + agent + "', '\\x7b7d'", "opening = NULL",
                        allowing(OWNER, NOBODY, NOBODY, NOBODY, NOBODY)),
                // Withdrawn, since an agent has one open enrollment at most (a unique index, not a policy). Nobody
                // updates or deletes a row: the academy's definer functions write every change after enrolling.
                new Table("academy_progress", progress, "agent_id, curriculum_type", "'" + agent + "', 'advanced'",
                        "curriculum_version = '2.0'",
                        allowing(OWNER_AND_VALIDATOR, OWNER, NOBODY, NOBODY, NOBODY)),
                // One's own inbox: written (by the listener acting as its recipient) and marked read, never deleted.
                new Table("notifications", notification, "recipient_id, kind, type, title",
                        "'" + o + "', 'agent.registered', 'info', 'new'", "read_at = now()",
                        allowing(OWNER, OWNER, OWNER, OWNER, NOBODY)),
                // The outbox: queued by its recipient, who may follow it; moved on only by the worker's definer
                // functions. UPSERT needs an UPDATE privilege the app role does not have.
                new Table("webhook_deliveries", delivery, "recipient_id, url, payload",
                        "'" + o + "', 'https://hooks.example.test/new', '{}'", "status = 'delivered'",
                        allowing(OWNER, OWNER, NOBODY, NOBODY, NOBODY)),
                // Signing secrets: no privilege at all for the app role, not even on one's own.
                new Table("webhook_secrets", secret, "profile_id, secret",
                        "'" + x + "', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'",
                        "secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'",
                        allowing(NOBODY, NOBODY, NOBODY, NOBODY, NOBODY)),
                // Reported outcomes waiting to be settled: only the agents' definer functions touch them.
                new Table("agent_outcome_tallies", tally, "agent_id, successes, failures", "'" + agent + "', 1000, 0",
                        "successes = 1000", allowing(NOBODY, NOBODY, NOBODY, NOBODY, NOBODY)));
    }

    @AfterAll
    void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyCellIsAsThePoliciesIntendAndDeniedWritesChangeNothing() throws Exception {
        var report = new StringBuilder(String.format("%-22s %-17s %-10s %-10s %-10s %-10s %-10s%n", "table",
                "command", "OWNER", "OTHER", "VALIDATOR", "ANONYMOUS", "NEVER_SET"));
        var mismatches = new ArrayList<String>();
        for (var table : tables) {
            for (var command : Command.values()) {
                var row = new StringBuilder(String.format("%-22s %-17s", table.name(), command));
                for (var actor : Actor.values()) {
                    var before = checksum(table.name());
                    var outcome = runAsApp(table, command, actor);
                    var expected = table.allowed().get(command).contains(actor) ? Outcome.ALLOW : Outcome.DENY;
                    row.append(String.format(" %-10s", outcome + (outcome == expected ? "" : "(!)")));
                    if (outcome != expected) {
                        mismatches.add(table.name() + " " + command + " " + actor + ": " + outcome);
                    }
                    if (outcome == Outcome.DENY && command != Command.SELECT) {
                        assertThat(checksum(table.name())).as("denied %s %s by %s changed nothing", command,
                                table.name(), actor).isEqualTo(before);
                    }
                }
                report.append(row).append('\n');
            }
        }
        System.out.println("\nRow-level security matrix (app role; ALLOW/DENY; (!) = not as intended)\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "rls-matrix.txt"), report.toString());
        assertThat(mismatches).isEmpty();
    }

    @Test
    void loosenedOrDroppedPoliciesChangeTheMatrix() throws Exception {
        var policies = new ArrayList<String[]>();
        try (var c = db.owner(); var st = c.createStatement(); var rs = st.executeQuery("""
                SELECT tablename, policyname, cmd FROM pg_policies
                 WHERE schemaname = 'public' AND 'agentanchor_app' = ANY (roles) AND tablename <> 'event_publication'
                 ORDER BY tablename, policyname""")) {
            while (rs.next()) {
                policies.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
            }
        }
        assertThat(policies).hasSizeGreaterThanOrEqualTo(17);
        for (var policy : policies) {
            // validator_credentials has no id to aim at; CouncilMembershipTests shows its one policy holding.
            var table = tables.stream().filter(t -> t.name().equals(policy[0])).findFirst().orElse(null);
            if (table == null && policy[0].equals("validator_credentials")) {
                continue;
            }
            assertThat(table).as("a matrix for %s", policy[0]).isNotNull();
            var loosened = switch (policy[2]) {
                case "INSERT" -> "WITH CHECK (true)";
                case "SELECT", "DELETE" -> "USING (true)";
                default -> "USING (true) WITH CHECK (true)";
            };
            boolean changed = changesMatrix(table, "ALTER POLICY " + policy[1] + " ON " + policy[0] + " " + loosened)
                    || changesMatrix(table, "DROP POLICY " + policy[1] + " ON " + policy[0]);
            assertThat(changed).as("weakening %s on %s shows in the matrix", policy[1], policy[0]).isTrue();
        }
    }

    @Test
    void aLeakyFunctionSeesNoHiddenRow() throws Exception {
        try (var c = db.owner(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("""
                    CREATE FUNCTION public.f_leak(text) RETURNS boolean COST 0.0000001 LANGUAGE plpgsql
                        AS $$ BEGIN RAISE NOTICE 'f_leak => %', $1; RETURN true; END $$;
                    GRANT EXECUTE ON FUNCTION public.f_leak(text) TO agentanchor_app;
                    SET LOCAL ROLE agentanchor_app""");
            st.execute("SELECT set_config('app.current_user_id', '" + x + "', true)");
            st.execute("SELECT name FROM agents WHERE f_leak(name)");
            var leaked = new ArrayList<String>();
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                leaked.add(w.getMessage());
            }
            c.rollback();
            assertThat(leaked).as("the function saw the visible agent").anyMatch(m -> m.contains("S's public agent"))
                    .noneMatch(m -> m.contains("O's secret draft"));
        }
    }

    /** Runs one cell on a fresh connection of the app's login role, so "never set" really was never set. */
    private Outcome runAsApp(Table table, Command command, Actor actor) throws SQLException {
        try (var c = db.app()) {
            c.setAutoCommit(false);
            var outcome = attempt(c, table, command, actor);
            if (outcome == Outcome.ALLOW) {
                c.rollback();
            } else {
                c.commit(); // a denied write must have changed nothing, even committed
            }
            return outcome;
        }
    }

    private Outcome attempt(Connection c, Table table, Command command, Actor actor) {
        try (var st = c.createStatement()) {
            switch (actor) {
                case OWNER -> st.execute("SELECT set_config('app.current_user_id', '" + o + "', true)");
                case OTHER -> st.execute("SELECT set_config('app.current_user_id', '" + x + "', true)");
                case VALIDATOR -> st.execute("SELECT set_config('app.current_user_id', '" + v + "', true)");
                case ANONYMOUS -> st.execute("SELECT set_config('app.current_user_id', '', true)");
                case NEVER_SET -> { }
            }
            var sql = table.sql(command);
            return switch (command) {
                case SELECT -> {
                    try (var rs = st.executeQuery(sql)) {
                        rs.next();
                        yield rs.getLong(1) == 1 ? Outcome.ALLOW : Outcome.DENY;
                    }
                }
                case COPY_FROM -> {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(""));
                    yield Outcome.ALLOW;
                }
                case TRUNCATE -> {
                    st.execute(sql);
                    yield Outcome.ALLOW;
                }
                case INSERT_RETURNING -> {
                    try (var rs = st.executeQuery(sql)) {
                        yield rs.next() ? Outcome.ALLOW : Outcome.DENY;
                    }
                }
                default -> st.executeUpdate(sql) == 1 ? Outcome.ALLOW : Outcome.DENY;
            };
        } catch (SQLException e) {
            // 42501: no privilege or a policy said no; 0A000: COPY FROM refused on a table with row-level security.
            var denial = "42501".equals(e.getSQLState())
                    || command == Command.COPY_FROM && "0A000".equals(e.getSQLState());
            if (!denial) {
                throw new AssertionError(table.name() + " " + command + " " + actor
                        + " failed for another reason than a denial: " + e.getMessage(), e);
            }
            return Outcome.DENY;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies a weakening as the owner, runs the table's cells as the app role inside it, then rolls it all back. */
    private boolean changesMatrix(Table table, String weakening) throws SQLException {
        try (var c = db.owner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute(weakening);
                for (var command : Command.values()) {
                    for (var actor : List.of(Actor.OWNER, Actor.OTHER, Actor.VALIDATOR, Actor.ANONYMOUS)) {
                        st.execute("SAVEPOINT cell");
                        st.execute("SET LOCAL ROLE agentanchor_app");
                        var outcome = attempt(c, table, command, actor);
                        st.execute("ROLLBACK TO SAVEPOINT cell");
                        var expected = table.allowed().get(command).contains(actor) ? Outcome.ALLOW : Outcome.DENY;
                        if (outcome != expected) {
                            return true;
                        }
                    }
                }
                return false;
            } finally {
                c.rollback();
            }
        }
    }

    private String checksum(String table) throws SQLException {
        try (var c = db.owner(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT md5(coalesce(string_agg(row_to_json(t)::text, ',' ORDER BY t.id), '')) FROM " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
