package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;

import liquibase.Contexts;
import liquibase.LabelExpression;

/** Every changeset can be undone: the whole master rolls back to an empty schema and applies again. */
@IntegrationTest
class SchemaRollbackTests {

    @Autowired
    Environment env;

    @Test
    void theWholeMasterRollsBackToEmptyAndReapplies() throws Exception {
        try (var db = FreshDatabase.create(env, "rollback").migrate(); var owner = db.owner()) {
            var applied = objects(owner);
            assertThat(applied).contains("table profiles", "table agents", "table trust_history",
                    "table council_decisions", "table truth_chain", "table observer_events",
                    "table marketplace_listings", "table acquisitions", "table academy_progress",
                    "function get_trust_tier", "function truth_chain_append", "type agent_status");
            long changesets = count(owner, "SELECT count(*) FROM databasechangelog");

            db.liquibase(owner).rollback((int) changesets, (String) null);
            assertThat(objects(owner)).as("nothing of ours is left").isEmpty();
            assertThat(count(owner, "SELECT count(*) FROM databasechangelog")).isZero();

            db.liquibase(owner).update(new Contexts(), new LabelExpression());
            assertThat(objects(owner)).containsExactlyInAnyOrderElementsOf(applied);
        }
    }

    /** Tables, types and functions in public, except Liquibase's own bookkeeping. */
    private static List<String> objects(Connection c) throws SQLException {
        var found = new ArrayList<String>();
        try (var s = c.createStatement(); var rs = s.executeQuery("""
                SELECT 'table ' || relname FROM pg_class
                 WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
                   AND relname NOT IN ('databasechangelog', 'databasechangeloglock')
                UNION ALL
                SELECT 'type ' || typname FROM pg_type
                 WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
                UNION ALL
                SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'policy ' || policyname FROM pg_policies WHERE schemaname = 'public'""")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
