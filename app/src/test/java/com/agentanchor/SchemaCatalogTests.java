package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** What the schema is, read from pg_catalog rather than trusted from the changelog text. */
@IntegrationTest
class SchemaCatalogTests {

    static final List<String> TABLES = List.of("profiles", "agents", "trust_history", "council_decisions",
            "truth_chain", "truth_chain_private", "observer_events", "marketplace_listings", "acquisitions",
            "academy_progress", "validator_credentials", "notifications", "webhook_deliveries", "webhook_secrets",
            "agent_keys", "agent_outcome_tallies");

    @Autowired
    OwnerDatabase owner;

    @Autowired
    Environment env;

    @Test
    void everyTableForcesRowLevelSecurityAndBelongsToTheOwnerRole() {
        var tables = owner.rows("""
                SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) AS owner
                  FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY (?)""",
                (Object) TABLES.toArray(String[]::new));
        assertThat(tables).hasSize(TABLES.size()).allSatisfy(t -> assertThat(t).containsEntry("relrowsecurity", true)
                .containsEntry("relforcerowsecurity", true).containsEntry("owner", "agentanchor_owner"));
    }

    @Test
    void everyForeignKeyOfTheStoryExistsWithItsDeleteRule() {
        var keys = owner.rows("""
                SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text
                       || ' ' || c.confdeltype::text AS fk
                  FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace""").stream()
                .map(r -> (String) r.get("fk")).toList();
        // confdeltype: c = CASCADE, n = SET NULL, a = NO ACTION
        assertThat(keys).containsExactlyInAnyOrder(
                "agents.owner_id -> profiles c",
                "trust_history.agent_id -> agents c",
                "agent_keys.agent_id -> agents c",
                "agent_outcome_tallies.agent_id -> agents c",
                "council_decisions.agent_id -> agents c",
                "council_decisions.validator_agent_id -> agents n",
                "council_decisions.precedent_id -> council_decisions n",
                "council_decisions.human_override_by -> profiles n",
                "council_decisions.signed_off_by -> profiles n",
                "marketplace_listings.agent_id -> agents c",
                "marketplace_listings.seller_id -> profiles c",
                "acquisitions.listing_id -> marketplace_listings a",
                "acquisitions.agent_id -> agents c",
                "acquisitions.consumer_id -> profiles c",
                "acquisitions.cloned_agent_id -> agents n",
                "academy_progress.agent_id -> agents c",
                "validator_credentials.profile_id -> profiles c",
                "validator_credentials.granted_by -> profiles n",
                "notifications.recipient_id -> profiles c",
                "webhook_deliveries.recipient_id -> profiles c",
                "webhook_secrets.profile_id -> profiles c");
    }

    @Test
    void theIndexesTheStoryAndThePoliciesNeedExist() {
        var leading = owner.rows("""
                SELECT t.relname || '.' || a.attname AS col
                  FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                 WHERE t.relnamespace = 'public'::regnamespace""").stream().map(r -> (String) r.get("col")).toList();
        assertThat(leading).contains(
                // AC5
                "agents.owner_id", "trust_history.agent_id", "truth_chain.subject_id",
                // what policies compare
                "profiles.id", "council_decisions.agent_id", "marketplace_listings.seller_id",
                "marketplace_listings.status", "acquisitions.consumer_id", "acquisitions.agent_id",
                "academy_progress.agent_id", "observer_events.subject_id", "truth_chain.sequence_number",
                // the marketplace's full-text search (GIN) and its seller's sales
                "marketplace_listings.search", "acquisitions.listing_id",
                // the inbox (keyset, unread count) and the webhook worker's due rows
                "notifications.recipient_id", "webhook_deliveries.next_attempt_at");
        assertThat(owner.query("""
                SELECT count(*) FROM pg_indexes WHERE tablename = 'agents'
                   AND indexdef LIKE '%(created_at DESC, id DESC) WHERE (status = ''active''::agent_status)'""",
                Long.class)).isEqualTo(1);
        // Keyset pages of one agent's trust history and decisions, and of one subject's truth records.
        assertThat(owner.query("""
                SELECT count(*) FROM pg_indexes WHERE indexdef LIKE ANY (ARRAY[
                    '%ON public.trust_history USING btree (agent_id, created_at DESC, id DESC)',
                    '%ON public.council_decisions USING btree (agent_id, created_at DESC, id DESC)',
                    '%ON public.truth_chain USING btree (subject_id, sequence_number DESC)'])""", Long.class))
                .isEqualTo(3);
    }

    @Test
    void constraintsTheOriginLeftOutHold() {
        var agent = seedAgent();
        assertThatThrownBy(() -> owner.update("""
                INSERT INTO council_decisions (agent_id, decision_type, subject_action, risk_level)
                VALUES (?::uuid, 'approval', 'x', 5)""", agent)).rootCause().hasMessageContaining("council_decisions_risk_level_range");
        assertThat(owner.update("""
                INSERT INTO council_decisions (agent_id, decision_type, subject_action, risk_level)
                VALUES (?::uuid, 'approval', 'x', 4)""", agent)).isEqualTo(1);
        // council_decisions has no updated_at and no trigger that needs one: updates work.
        assertThat(owner.update("UPDATE council_decisions SET reasoning = 'ok' WHERE agent_id = ?::uuid", agent))
                .isEqualTo(1);
        assertThat(owner.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'observer_events' "
                + "AND column_name = 'flagged'", String.class)).isEqualTo("boolean");
        assertThat(owner.query("SELECT is_identity FROM information_schema.columns WHERE table_name = 'observer_events' "
                + "AND column_name = 'sequence'", String.class)).isEqualTo("YES");
    }

    @Test
    void theTruthChainIsAppendOnlyForEveryRoleAndOnlyTheAppendPathLinks() throws Exception {
        try (var db = FreshDatabase.create(env, "chain").migrate(); var superuser = db.owner(); var app = db.app()) {
            var admin = new JdbcTemplate(new SingleConnectionDataSource(superuser, true));
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(app, true));
            var genesis = "0".repeat(64);
            var first = append(jdbc, 1, genesis, "{\"n\":1}");
            assertThat(first).hasSize(64);

            assertThatThrownBy(() -> append(jdbc, 3, first, "{\"n\":3}")).rootCause().hasMessageContaining("expected sequence 2");
            assertThatThrownBy(() -> append(jdbc, 2, genesis, "{\"n\":2}")).rootCause().hasMessageContaining("does not link");
            assertThatThrownBy(() -> jdbc.queryForObject("""
                    SELECT hash FROM truth_chain_append(2, ?, 'system_event', 'system', gen_random_uuid(), 'system',
                        NULL, '{}', '\\x7b7d', repeat('f', 64), 'sig', 'key', now())""", String.class, first))
                    .rootCause().hasMessageContaining("not the SHA-256");
            append(jdbc, 2, first, "{\"n\":2}");

            assertThatThrownBy(() -> jdbc.update("INSERT INTO truth_chain (sequence_number, previous_hash, hash, "
                    + "record_type, subject_type, subject_id, payload, canonical, signature, key_id) VALUES (3, 'x', "
                    + "repeat('a', 64), 'system_event', 'system', gen_random_uuid(), '{}', '\\x00', 's', 'k')"))
                    .rootCause().hasMessageContaining("permission denied");
            for (var sql : List.of("UPDATE truth_chain SET payload = '{}'", "DELETE FROM truth_chain",
                    "TRUNCATE truth_chain")) {
                assertThatThrownBy(() -> admin.execute(sql)).as("even a superuser: %s", sql)
                        .rootCause().hasMessageContaining("append-only");
            }
            assertThat(admin.queryForList("SELECT sequence_number FROM truth_chain ORDER BY 1", Long.class))
                    .containsExactly(1L, 2L);
        }
    }

    @Test
    void trustMovesOnlyThroughApplyTrustChangeWhichClampsAndRecordsAndOnlyForAnotherTrainersValidator()
            throws Exception {
        var agent = seedAgent();
        var agentsOwner = owner.query("SELECT owner_id::text FROM agents WHERE id = ?::uuid", String.class, agent);
        var validator = UUID.randomUUID();
        owner.update("INSERT INTO profiles (id, email, role) VALUES (?, ?, 'trainer')", validator,
                validator + "@catalog.test");
        owner.update("INSERT INTO validator_credentials (profile_id) VALUES (?)", validator);
        var call = "SELECT previous_score, new_score, change FROM apply_trust_change(?::uuid, 2000, 'examination', "
                + "'aced it', NULL, NULL)";
        try (var c = owner.connect()) {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            for (var notAllowed : new String[] { "", agentsOwner }) {
                jdbc.queryForObject("SELECT set_config('app.current_user_id', ?, false)", String.class, notAllowed);
                assertThatThrownBy(() -> jdbc.queryForList(call, agent)).as("acting as '%s'", notAllowed)
                        .rootCause().hasMessageContaining("only a validator");
            }
            jdbc.queryForObject("SELECT set_config('app.current_user_id', ?, false)", String.class,
                    validator.toString());
            assertThat(jdbc.queryForList(call, agent).get(0))
                    .isEqualTo(Map.of("previous_score", 100, "new_score", 1000, "change", 900));
        }
        assertThat(owner.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent)).isEqualTo(1000);
    }

    private String seedAgent() {
        var profile = UUID.randomUUID();
        owner.update("INSERT INTO profiles (id, email) VALUES (?, ?)", profile, profile + "@catalog.test");
        return owner.query("INSERT INTO agents (owner_id, name) VALUES (?, 'catalogued') RETURNING id::text",
                String.class, profile);
    }

    private static String append(JdbcTemplate jdbc, long sequence, String previous, String canonical) {
        return jdbc.queryForObject("""
                SELECT hash FROM truth_chain_append(?, ?, 'system_event', 'system', gen_random_uuid(), 'system', NULL,
                    ?::jsonb, convert_to(?, 'UTF8'), encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'sig', 'key', now())""",
                String.class, sequence, previous, canonical, canonical, canonical);
    }
}
