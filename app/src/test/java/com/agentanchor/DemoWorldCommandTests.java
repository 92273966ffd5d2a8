package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.support.ChainApp;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;

/**
 * {@code db seed-demo} on an empty database: the world is made through the use cases (so the walls hold and the chain
 * verifies through the API afterwards), and a database that holds a world already is refused.
 */
@IntegrationTest
class DemoWorldCommandTests {

    @Autowired
    Environment env;

    @Test
    void seedDemoFillsAnEmptyDatabaseWithAWorldWhoseTruthChainVerifies() throws Exception {
        try (var db = FreshDatabase.create(env, "demo")) {
            var url = "--DATABASE_URL=" + DatabaseCommandTests.withCredentials(env, db.url());
            var started = new AtomicReference<String>();
            var seeded = SpringApplication.withHook(app -> new SpringApplicationRunListener() {
                @Override
                public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                    started.set((context instanceof WebServerApplicationContext ? "a web server " : "")
                            + (context.getBeanNamesForType(LocalPusherServer.class).length > 0 ? "realtime " : "")
                            + (context.containsBean("org.springframework.context.annotation."
                                    + "internalScheduledAnnotationProcessor") ? "schedules" : ""));
                }
            }, () -> DatabaseCommandTests.run(env, "db", "seed-demo", "--seed", "11", url));

            System.out.println(seeded.out()); // the report, with the run time, in the test's output
            assertThat(seeded.code()).as(seeded.out() + seeded.err()).isEqualTo(DatabaseCommand.DONE);
            assertThat(started.get()).as("what seeding started besides the use cases").isEmpty();
            assertThat(seeded.out()).contains("Seeded in", "truth chain:", "intact", "On the demo page, sign in as");
            var world = DemoWorld.plan(11);
            long clones = world.purchases.stream().filter(p -> p.type() == AcquisitionType.clone).count();
            long reviews = world.purchases.stream().filter(p -> p.rating() != null).count();
            try (var owner = db.owner()) {
                assertThat(count(owner, "SELECT count(*) FROM profiles")).isEqualTo(world.people.size() + 1);
                assertThat(count(owner, "SELECT count(*) FROM validator_credentials")).isEqualTo(DemoWorld.VALIDATORS);
                assertThat(count(owner, "SELECT count(*) FROM agents")).as("the planned agents and their clones")
                        .isEqualTo(DemoWorld.AGENTS + clones);
                assertThat(strings(owner, "SELECT DISTINCT status::text FROM agents"))
                        .containsExactlyInAnyOrder("draft", "training", "examination", "active", "suspended");
                assertThat(strings(owner, "SELECT DISTINCT get_trust_tier(trust_score) FROM agents WHERE status = "
                        + "'active'")).containsExactlyInAnyOrder("Untrusted", "Provisional", "Established", "Trusted",
                                "Highly Trusted", "Elite");
                assertThat(strings(owner, "SELECT DISTINCT risk_level::text FROM council_decisions"))
                        .containsExactlyInAnyOrder("0", "1", "2", "3", "4");
                assertThat(strings(owner, "SELECT DISTINCT status::text FROM council_decisions"))
                        .containsExactlyInAnyOrder("pending", "approved", "rejected", "escalated", "overridden");
                assertThat(count(owner, "SELECT count(*) FROM council_decisions")).isGreaterThan(1000);
                assertThat(count(owner, "SELECT count(*) FROM academy_progress")).isGreaterThan(200);
                assertThat(count(owner, "SELECT count(*) FROM marketplace_listings")).isGreaterThan(50);
                assertThat(count(owner, "SELECT count(*) FROM acquisitions")).isEqualTo(world.purchases.size());
                assertThat(strings(owner, "SELECT DISTINCT acquisition_type::text FROM acquisitions"))
                        .containsExactlyInAnyOrder("commission", "clone", "enterprise_lock");
                assertThat(count(owner, "SELECT count(*) FROM acquisitions WHERE cloned_agent_id IS NOT NULL"))
                        .isEqualTo(clones);
                assertThat(count(owner, "SELECT count(*) FROM acquisitions WHERE rating IS NOT NULL"))
                        .isEqualTo(reviews);
                assertThat(count(owner, "SELECT count(*) FROM academy_progress WHERE status = 'passed'"))
                        .isGreaterThan(100);
                assertThat(count(owner, "SELECT count(*) FROM observer_events")).isGreaterThan(2000);
                assertThat(count(owner, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                        .as("every listener done").isZero();
            }

            try (var app = ChainApp.start(env, db)) {
                var verified = app.api().get("/api/truth-chain/verify", null);
                assertThat(verified.status()).isEqualTo(200);
                assertThat(verified.body().get("intact").asBoolean()).as(verified.body().toString()).isTrue();
                assertThat(verified.body().get("verified").asLong()).isGreaterThan(3000)
                        .isEqualTo(verified.body().get("chainLength").asLong());
            }

            var again = DatabaseCommandTests.run(env, "db", "seed-demo", url);
            assertThat(again.code()).isEqualTo(DatabaseCommand.REFUSED);
            assertThat(again.err()).contains("is not empty", "--force");
            try (var owner = db.owner()) {
                assertThat(count(owner, "SELECT count(*) FROM agents")).as("nothing added")
                        .isEqualTo(DemoWorld.AGENTS + clones);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var found = new ArrayList<String>();
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
