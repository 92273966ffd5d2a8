package com.agentanchor.observer;

import static com.agentanchor.support.Eventually.await;
import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/** Agents report what they did with their own keys; owners and everyone else read it back as RLS allows. */
@IntegrationTest
class AgentReportsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String owner;
    String agent;
    String key;

    @BeforeEach
    void anActiveAgentWithAKey() throws Exception {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Reporter")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        // The observer records the registration after it commits: wait for it, so that it cannot land among (and
        // after) the reports a test makes next.
        await(() -> !database.rows("SELECT 1 FROM observer_events WHERE subject_id = ?::uuid AND event_type = "
                + "'agent.registered'", agent).isEmpty());
        key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "runtime")).body().get("key")
                .asString();
    }

    @Test
    void oneReportIsWrittenOnceAsTheAgentsOwn() {
        var event = Map.of("eventType", "tool.search", "severity", "info", "title", "Searched the web",
                "payload", Map.of("query", "pgbouncer"), "outcome", "success",
                "occurredAt", "2026-01-31T12:00:00Z", "idempotencyKey", "call-1");

        var first = api.post("/api/runtime/events", key, event);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
        var again = api.post("/api/runtime/events", key, event);
        assertThat(again.status()).as("a retry").isEqualTo(200);
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(1);

        var stored = database.rows("SELECT * FROM observer_events WHERE subject_id = ?::uuid "
                + "AND idempotency_key IS NOT NULL", agent);
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("actor_type", "agent").containsEntry("event_type", "tool.search")
                    .containsEntry("outcome", "success").containsEntry("category", "agent_action");
            assertThat(row.get("actor_id").toString()).isEqualTo(agent);
            assertThat(row.get("payload").toString()).contains("pgbouncer");
        });
        var read = api.get("/api/observer/events?agentId=" + agent + "&limit=50", owner).body().get("items");
        var report = read.valueStream().filter(e -> "tool.search".equals(e.get("eventType").asString())).findFirst();
        assertThat(report).hasValueSatisfying(e -> assertThat(e.get("payload").get("query").asString())
                .as("the payload read back as the object it was").isEqualTo("pgbouncer"));
    }

    @Test
    void aBatchIsAllOrNothingAndReadBackThroughTheCursor() throws Exception {
        assertThat(api.post("/api/runtime/events/batch", key, Map.of("events", events(1_001, "too-many", "info")))
                .status()).isEqualTo(413);

        var oneBad = events(1_000, "bad", "info");
        oneBad.get(500).put("severity", "loud");
        var refused = api.post("/api/runtime/events/batch", key, Map.of("events", oneBad));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).startsWith("events[500].severity: ")
                .as("the field named once").containsOnlyOnce("events[500]");
        assertThat(reported()).as("nothing of the refused batch").isZero();
        var twice = api.post("/api/runtime/events/batch", key, "{\"events\": [{\"eventType\": \"a\", \"title\": \"t\"}, "
                + "{\"eventType\": \"a\", \"title\": \"t\", \"payload\": {\"k\": 1, \"k\": 2}}]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("detail").asString()).isEqualTo("events[1].payload.k: is given twice in one object");
        assertThat(reported()).as("nothing of a batch with a name given twice").isZero();

        var batch = events(1_000, "run-1", "info");
        var accepted = api.post("/api/runtime/events/batch", key, Map.of("events", batch));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("accepted").asInt()).isEqualTo(1_000);
        var retried = api.post("/api/runtime/events/batch", key, Map.of("events", batch)).body();
        assertThat(retried.get("accepted").asInt()).isZero();
        assertThat(retried.get("duplicates").asInt()).isEqualTo(1_000);
        assertThat(reported()).isEqualTo(1_000);

        var newest = api.get("/api/observer/events?agentId=" + agent + "&category=agent_action&limit=5", owner)
                .body();
        assertThat(titles(newest)).containsExactly("run-1 999", "run-1 998", "run-1 997", "run-1 996",
                "run-1 995");

        var written = reportedIds();
        var seen = new ArrayList<String>();
        var cursor = new String[] { "0-0" };
        await(() -> {
            cursor[0] = page(cursor[0], seen).get("next").asString();
            return seen.size() >= written.size();
        });
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void outcomesCountOnceAndMoveTrustByTheBehaviourRule() {
        var batch = events(1_000, "work", "info"); // every tenth a failure: 900 successes, 100 failures
        api.post("/api/runtime/events/batch", key, Map.of("events", batch));
        api.post("/api/runtime/events/batch", key, Map.of("events", batch)); // a retry counts nothing

        var counted = database.rows("SELECT total_interactions, successful_interactions, trust_score FROM agents "
                + "WHERE id = ?::uuid", agent).get(0);
        assertThat(counted).containsEntry("total_interactions", 1_000).containsEntry("successful_interactions", 900)
                .containsEntry("trust_score", 100 + 9 - 5); // +1 per 100 successes, -1 per 20 failures
        assertThat(database.query("SELECT count(*) FROM trust_history WHERE agent_id = ?::uuid "
                + "AND source = 'behavior_analysis' AND change = 4", Long.class, agent)).isEqualTo(1);

        var noOutcome = events(1, "no outcome", "info");
        noOutcome.get(0).remove("outcome");
        api.post("/api/runtime/events/batch", key, Map.of("events", noOutcome));
        assertThat(database.query("SELECT total_interactions FROM agents WHERE id = ?::uuid", Integer.class, agent))
                .isEqualTo(1_000);
    }

    @Test
    void oneAgentsConcurrentReportsAllCount() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 200; i++) {
                var event = Map.<String, Object>of("eventType", "agent.step", "title", "step " + i, "outcome",
                        i % 5 == 0 ? "failure" : "success", "idempotencyKey", "concurrent-" + i);
                calls.add(pool.submit(() -> api.post("/api/runtime/events", key, event).status()));
            }
            for (var call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // Settled as the reports commit, or by the sweep for what the last of them left waiting.
        await(() -> database.query("SELECT count(*) FROM agent_outcome_tallies WHERE agent_id = ?::uuid", Long.class,
                agent) == 0);
        assertThat(database.rows("SELECT total_interactions, successful_interactions, trust_score FROM agents "
                + "WHERE id = ?::uuid", agent).get(0)).containsEntry("total_interactions", 200)
                .containsEntry("successful_interactions", 160)
                .containsEntry("trust_score", 100 + 1 - 2); // the rule on the totals, however they were settled
    }

    @Test
    void oneKeyReportedAtOnceFromManyThreadsIsWrittenOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var statuses = new ArrayList<Integer>();
        try {
            var calls = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 40; i++) {
                // Eight keys, each sent five times at once: reports queued together share a transaction (group
                // commit), and a repeated key must still be written once and answered as a duplicate the other times.
                var event = Map.<String, Object>of("eventType", "agent.step", "title", "step", "outcome", "success",
                        "idempotencyKey", "repeated-" + i % 8);
                calls.add(pool.submit(() -> api.post("/api/runtime/events", key, event).status()));
            }
            for (var call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(32);
        assertThat(database.query("SELECT count(*) FROM observer_events WHERE subject_id = ?::uuid "
                + "AND idempotency_key LIKE 'repeated-%'", Long.class, agent)).isEqualTo(8);
    }

    @Test
    void aReportNeverWaitsForAnotherOfTheSameAgent() throws Exception {
        try (var holder = asTheAgent(); var second = asTheAgent()) {
            assertThat(settle(holder, 1, 0)).as("the row is free: settled in place").isEqualTo(1);
            // The holder keeps the agent's row locked until it commits. A second report meanwhile neither waits for
            // it (a wait here would hang this test: the holder commits only below) nor settles anything.
            assertThat(settle(second, 0, 1)).as("the row is busy").isZero();
            second.commit();
            holder.commit();
            // The second report's round after its commit settles what it left, now that the holder is done.
            assertThat(settle(second, 0, 0)).isEqualTo(1);
            second.commit();
            assertThat(settle(second, 0, 0)).as("nothing left").isZero();
            second.commit();
        }
        assertThat(database.rows("SELECT total_interactions, successful_interactions FROM agents WHERE id = ?::uuid",
                agent).get(0)).containsEntry("total_interactions", 2).containsEntry("successful_interactions", 1);
    }

    /** A connection of the app role acting as the agent, in a transaction; committed by the caller. */
    private java.sql.Connection asTheAgent() throws java.sql.SQLException {
        var connection = database.connect();
        connection.setAutoCommit(false);
        try (var st = connection.createStatement()) {
            st.execute("SET ROLE agentanchor_app");
            st.execute("SET lock_timeout = '10s'");
        }
        return connection;
    }

    /** Records outcomes (when any) and settles as the report's transaction does: how many agents were settled. */
    private int settle(java.sql.Connection connection, int successes, int failures) throws java.sql.SQLException {
        try (var st = connection.prepareStatement("SELECT set_config('app.current_agent_id', ?, true)")) {
            st.setString(1, agent);
            st.execute();
        }
        if (successes + failures > 0) {
            try (var st = connection.prepareStatement("SELECT record_agent_outcomes(?, ?)")) {
                st.setInt(1, successes);
                st.setInt(2, failures);
                st.execute();
            }
        }
        try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT * FROM settle_agent_outcomes()")) {
            int settled = 0;
            while (rs.next()) {
                settled++;
            }
            return settled;
        }
    }

    @Test
    void outcomesNoReportSettledAreSettledByTheSweep() throws Exception {
        var trust = database.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent);
        // What an instance stopped between a report's commit and its settling would leave behind.
        database.update("INSERT INTO agent_outcome_tallies (agent_id, successes, failures, created_at) "
                + "VALUES (?::uuid, 100, 0, now() - interval '1 minute')", agent);

        await(() -> database.query("SELECT count(*) FROM agent_outcome_tallies WHERE agent_id = ?::uuid", Long.class,
                agent) == 0);
        assertThat(database.rows("SELECT total_interactions, successful_interactions, trust_score FROM agents "
                + "WHERE id = ?::uuid", agent).get(0)).containsEntry("total_interactions", 100)
                .containsEntry("successful_interactions", 100).containsEntry("trust_score", trust + 1);
        // Announced in the sweep's transaction, so its listeners hear it once that commits (published outside
        // one, it would wait for the retry schedule): the observer logs the change.
        await(() -> database.query("SELECT count(*) FROM observer_events WHERE event_type = 'trust.changed' "
                + "AND subject_id = ?::uuid", Long.class, agent) > 0);
    }

    @Test
    void tallyingIsTheDefinersAlone() {
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update("INSERT INTO "
                + "agent_outcome_tallies (agent_id, successes, failures) VALUES (?::uuid, 1000, 0)", agent)))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appRole.actingFor(api.profileId(owner), jdbc -> jdbc.queryForList(
                "SELECT * FROM settle_agent_outcomes()"))).rootCause().hasMessageContaining("only an agent");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.queryForList(
                "SELECT * FROM settle_outcomes_of(?::uuid)", agent))).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void aRetiredAgentsReportsCountButMoveNoTrust() {
        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(200);
        api.post("/api/runtime/events/batch", key, Map.of("events", events(1_000, "after", "info")));

        assertThat(database.rows("SELECT total_interactions, successful_interactions, trust_score FROM agents "
                + "WHERE id = ?::uuid", agent).get(0)).containsEntry("total_interactions", 1_000)
                .containsEntry("successful_interactions", 900).containsEntry("trust_score", 100);
        assertThat(database.query("SELECT count(*) FROM trust_history WHERE agent_id = ?::uuid", Long.class, agent))
                .isZero();
    }

    @Test
    void anAgentsOwnWordNeverLiftsItPastTrusted() {
        database.update("UPDATE agents SET trust_score = 798, successful_interactions = 99, total_interactions = 99 "
                + "WHERE id = ?::uuid", agent);
        var successes = events(300, "good", "info");
        successes.forEach(e -> e.put("outcome", "success"));
        api.post("/api/runtime/events/batch", key, Map.of("events", successes));
        assertThat(database.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent))
                .as("3 points earned, 1 given").isEqualTo(799);
        assertThatThrownBy(() -> appRole.actingFor(api.profileId(owner), jdbc -> jdbc.queryForList(
                "SELECT * FROM record_agent_outcomes(1000, 0)"))).as("an owner cannot speak for the agent")
                .rootCause().hasMessageContaining("only an agent");
    }

    @Test
    void aBurstOfErrorsIsFlaggedFromTheTenthOn() {
        api.post("/api/runtime/events/batch", key, Map.of("events", events(12, "failing", "error")));

        var scores = database.rows("SELECT title, anomaly_score, flagged FROM observer_events WHERE subject_id = "
                + "?::uuid AND actor_type = 'agent' ORDER BY sequence", agent);
        assertThat(scores).extracting(r -> r.get("anomaly_score")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 55,
                60);
        assertThat(scores).extracting(r -> r.get("flagged")).containsOnly(false, true).filteredOn(f -> (Boolean) f)
                .hasSize(3);
        var flagged = api.get("/api/observer/events?agentId=" + agent + "&flagged=true", owner).body();
        assertThat(titles(flagged)).containsExactly("failing 11", "failing 10", "failing 9");
    }

    @Test
    void aRunOfDenialsIsFlaggedFromTheFifthOn() throws Exception {
        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);
        for (int i = 0; i < 6; i++) {
            assertThat(api.post("/api/runtime/authorize", key, Map.of("action", "try " + i, "riskLevel", 0)).body()
                    .get("decision").asString()).isEqualTo("deny");
        }
        await(() -> database.query("SELECT count(*) FROM observer_events WHERE subject_id = ?::uuid "
                + "AND event_type = 'runtime.authorization'", Long.class, agent) == 6);
        assertThat(database.rows("SELECT anomaly_score FROM observer_events WHERE subject_id = ?::uuid AND "
                + "event_type = 'runtime.authorization' AND flagged", agent)).as("the 5th and the 6th").hasSize(2);
    }

    @Test
    void aFollowerWaitsForAnEventCommittedAfterALaterOne() throws Exception {
        var feed = "/api/observer/events?agentId=" + agent + "&limit=50&after=";
        var start = api.get("/api/observer/events?agentId=" + agent + "&limit=1", owner).body().get("next")
                .asString();
        try (var early = database.connect(); var late = database.connect()) {
            early.setAutoCommit(false);
            late.setAutoCommit(false);
            report(early, "early"); // draws the lower sequence number, commits last
            report(late, "late");
            late.commit();

            var meanwhile = api.get(feed + start, owner).body();
            assertThat(titles(meanwhile)).as("held back while an earlier writer is still running")
                    .doesNotContain("late", "early");
            var next = meanwhile.get("next").asString();

            early.commit();
            assertThat(titles(api.get(feed + next, owner).body())).containsExactly("early", "late");
        }
    }

    @Test
    void aFollowerSeesEveryEventOnceWhileWritersCommitInAnyOrder() throws Exception {
        var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = api.get("/api/observer/events?agentId=" + agent + "&limit=1", owner).body().get("next")
                .asString();
        var posts = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (int w = 0; w < 4; w++) {
            var name = "writer" + w;
            posts.add(writers.submit(() -> {
                int accepted = 0;
                for (int b = 0; b < 10; b++) {
                    accepted += api.post("/api/runtime/events/batch", key, Map.of("events",
                            events(25, name + "-" + b, "info"))).body().get("accepted").asInt();
                }
                return accepted;
            }));
        }
        var seen = new ArrayList<String>();
        var cursor = new String[] { start };
        while (!posts.stream().allMatch(java.util.concurrent.Future::isDone)) {
            cursor[0] = page(cursor[0], seen).get("next").asString();
        }
        for (var post : posts) {
            assertThat(post.get()).isEqualTo(250);
        }
        writers.shutdown();
        // Every writer has committed; the rest shows once older transactions (listeners, say) have ended too.
        var written = reportedIds();
        assertThat(written).hasSize(1_000);
        await(() -> {
            cursor[0] = page(cursor[0], seen).get("next").asString();
            return seen.size() >= written.size();
        });
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void theFeedKeepsTransactionOrderWhenTransactionIdsGainADigit() throws Exception {
        try (var connection = database.connect()) {
            connection.setAutoCommit(false);
            report(connection, "before");
            var before = transactionId(connection);
            connection.commit();
            // Use up transaction ids until the next one is a digit longer (each block with an exception handler is a
            // subtransaction, and one that writes takes an id of its own):
            // ordered as text, "10000" would come before "9999".
            var boundary = BigInteger.TEN.pow(before.toString().length());
            var missing = boundary.subtract(before).longValueExact();
            assumeTrue(missing < 500_000, "transaction ids are far from the next power of ten: " + before);
            try (var burn = connection.createStatement()) {
                burn.execute("CREATE TEMP TABLE burnt (i int)");
                burn.execute("DO $$ BEGIN FOR i IN 1.." + missing + " LOOP BEGIN INSERT INTO burnt VALUES (i); "
                        + "EXCEPTION WHEN unique_violation THEN NULL; END; END LOOP; END $$");
            }
            connection.commit();
            report(connection, "after");
            assertThat(transactionId(connection)).isGreaterThanOrEqualTo(boundary);
            connection.commit();
        }
        var newestFirst = "/api/observer/events?agentId=" + agent + "&category=agent_action&limit=2";
        await(() -> titles(api.get(newestFirst, owner).body()).contains("after"));
        assertThat(titles(api.get(newestFirst, owner).body())).containsExactly("after", "before");
    }

    private static BigInteger transactionId(java.sql.Connection connection) throws java.sql.SQLException {
        try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT pg_current_xact_id()::text")) {
            rs.next();
            return new BigInteger(rs.getString(1));
        }
    }

    /** Reads one page after {@code cursor}, adding the agent's own reports on it to {@code seen}. */
    private JsonNode page(String cursor, List<String> seen) {
        var page = api.get("/api/observer/events?agentId=" + agent + "&category=agent_action&limit=200&after="
                + cursor, owner).body();
        page.get("items").forEach(e -> {
            if ("agent".equals(e.get("actorType").asString())) {
                seen.add(e.get("id").asString());
            }
        });
        return page;
    }

    private void report(java.sql.Connection connection, String title) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO observer_events (event_type, category, "
                + "subject_type, subject_id, actor_type, actor_id, title) VALUES ('x', 'agent_action', 'agent', "
                + "?::uuid, 'agent', ?::uuid, ?)")) {
            insert.setString(1, agent);
            insert.setString(2, agent);
            insert.setString(3, title);
            insert.executeUpdate();
        }
    }

    private List<String> reportedIds() {
        return database.rows("SELECT id::text AS id FROM observer_events WHERE subject_id = ?::uuid "
                + "AND actor_type = 'agent'", agent).stream().map(r -> r.get("id").toString()).toList();
    }

    @Test
    void othersSeeOnlyThePublicEventsOfAnActiveAgent() {
        var batch = new ArrayList<Map<String, Object>>();
        batch.addAll(events(2, "public", "info"));
        batch.addAll(events(1, "warned", "warning"));
        batch.addAll(events(3, "private", "error"));
        api.post("/api/runtime/events/batch", key, Map.of("events", batch));

        var stranger = api.token(unique("stranger"));
        var theirs = api.get("/api/observer/events?agentId=" + agent + "&limit=50", stranger).body();
        assertThat(titles(theirs)).filteredOn(t -> t.startsWith("p") || t.startsWith("w"))
                .containsExactlyInAnyOrder("public 0", "public 1", "warned 0");
        var owners = api.get("/api/observer/events?agentId=" + agent + "&severity=error&limit=50", owner).body();
        assertThat(titles(owners)).containsExactlyInAnyOrder("private 0", "private 1", "private 2");
    }

    @Test
    void agentsReportButDoNotReadUsersFeedsAndRevokedKeysDoNothing() {
        assertThat(api.get("/api/observer/events", key).status()).isEqualTo(403);
        assertThat(api.post("/api/runtime/events", owner, Map.of("eventType", "x", "title", "y")).status())
                .as("a user is not an agent").isEqualTo(403);
        assertThat(api.post("/api/runtime/events", null, Map.of("eventType", "x", "title", "y")).status())
                .isEqualTo(401);
        var keyId = api.get("/api/agents/" + agent + "/keys", owner).body().get(0).get("id").asString();
        api.delete("/api/agents/" + agent + "/keys/" + keyId, owner);
        assertThat(api.post("/api/runtime/events", key, Map.of("eventType", "x", "title", "y")).status())
                .isEqualTo(401);
        assertThat(reported()).isZero();
    }

    @Test
    void badReportsNameTheirField() {
        assertThat(problem(Map.of("title", "no type"))).contains("eventType");
        assertThat(problem(Map.of("eventType", "ok"))).contains("title");
        assertThat(problem(Map.of("eventType", "ok", "title", "t", "outcome", "maybe"))).contains("outcome");
        assertThat(problem(Map.of("eventType", "ok", "title", "t", "occurredAt", "yesterday")))
                .contains("occurredAt");
        assertThat(problem(Map.of("eventType", "ok", "title", "t", "occurredAt", "2999-01-01T00:00:00Z")))
                .contains("occurredAt");
        assertThat(problem(Map.of("eventType", "ok", "title", "t", "payload", List.of(1)))).contains("payload");
        assertThat(problem(Map.of("eventType", "ok", "title", "t", "agentId", agent))).contains("agentId");
        assertThat(api.get("/api/observer/events?after=nonsense", owner).status()).isEqualTo(400);
        assertThat(api.get("/api/observer/events?limit=0", owner).status()).isEqualTo(400);
        assertThat(reported()).isZero();
    }

    @Test
    void theDatabaseLetsAnAgentWriteOnlyAsItselfAboutItself() {
        var other = api.post("/api/agents", owner, Map.of("name", "Sibling")).body().get("id").asString();
        var ownerId = api.profileId(owner);
        var insert = "INSERT INTO observer_events (event_type, category, subject_type, subject_id, actor_type, "
                + "actor_id, title) VALUES ('x', 'agent_action', 'agent', ?::uuid, ?, ?::uuid, 't')";

        assertThat(appRole.<Integer>actingForAgent(agent, jdbc -> jdbc.update(insert, agent, "agent", agent)))
                .isEqualTo(1);
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(insert, other, "agent", agent)))
                .as("about a sibling").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(insert, agent, "system", null)))
                .as("as the system").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingFor(ownerId, jdbc -> jdbc.update(insert, agent, "agent", agent)))
                .as("a user claiming to be the agent").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(
                "INSERT INTO observer_events (event_type, category, subject_type, subject_id, actor_type, actor_id, "
                        + "title, tx) VALUES ('x', 'agent_action', 'agent', ?::uuid, 'agent', ?::uuid, 't', '1')",
                agent, agent))).as("a place in the log of its choosing").rootCause()
                .hasMessageContaining("permission denied");
    }

    private List<Map<String, Object>> events(int n, String title, String severity) {
        var events = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < n; i++) {
            var event = new LinkedHashMap<String, Object>();
            event.put("eventType", "agent.step");
            event.put("severity", severity);
            event.put("title", title + " " + i);
            event.put("outcome", i % 10 == 0 ? "failure" : "success");
            event.put("idempotencyKey", title + "-" + i);
            events.add(event);
        }
        return events;
    }

    private long reported() {
        return database.query("SELECT count(*) FROM observer_events WHERE subject_id = ?::uuid AND actor_type = "
                + "'agent'", Long.class, agent);
    }

    private String problem(Map<String, Object> event) {
        var response = api.post("/api/runtime/events", key, event);
        assertThat(response.status()).as("%s", event).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.body().toString();
    }

    private static List<String> titles(JsonNode page) {
        var titles = new ArrayList<String>();
        page.get("items").forEach(e -> titles.add(e.get("title").asString()));
        return titles;
    }
}
