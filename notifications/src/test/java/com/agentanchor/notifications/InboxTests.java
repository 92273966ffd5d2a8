package com.agentanchor.notifications;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

@NotificationsTest
class InboxTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    AppRoleDatabase appRole;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aRegisteredAgentIsInItsOwnersInboxAndNobodyElses() throws Exception {
        var ann = api.token(unique("ann"));
        var bob = api.token(unique("bob"));
        var agent = api.post("/api/agents", ann, Map.of("name", "Scout")).body().get("id").asString();

        // Written in the registration's own transaction: there as soon as the agent is.
        var inbox = api.get("/api/notifications", ann).body();
        var item = inbox.get("items").get(0);
        assertThat(item.get("kind").asString()).isEqualTo("agent.registered");
        assertThat(item.get("type").asString()).isEqualTo("success");
        assertThat(item.get("title").asString()).isEqualTo("Agent registered");
        assertThat(item.get("message").asString()).contains("Scout");
        assertThat(item.get("actionUrl").asString()).isEqualTo("/agents/" + agent);
        assertThat(item.get("readAt").isNull()).isTrue();
        assertThat(inbox.get("unread").asLong()).isEqualTo(1);
        assertThat(inbox.get("next").isNull()).isTrue();

        var bobs = api.get("/api/notifications", bob);
        assertThat(bobs.status()).isEqualTo(200);
        assertThat(bobs.body().get("items").size()).isZero();
        assertThat(bobs.body().get("unread").asLong()).isZero();
    }

    @Test
    void markingReadIsTheRecipientsAloneAndKeepsTheFirstTime() throws Exception {
        var ann = api.token(unique("ann"));
        var bob = api.token(unique("bob"));
        api.post("/api/agents", ann, Map.of("name", "First"));
        api.post("/api/agents", ann, Map.of("name", "Second"));
        var id = awaitInbox(ann, 2).get("items").get(0).get("id").asString();

        var bobTries = api.post("/api/notifications/" + id + "/read", bob, Map.of());
        assertThat(bobTries.status()).isEqualTo(404);
        assertThat(bobTries.isProblem()).isTrue();
        assertThat(api.get("/api/notifications", ann).body().get("unread").asLong()).isEqualTo(2);

        var read = api.post("/api/notifications/" + id + "/read", ann, Map.of());
        assertThat(read.status()).isEqualTo(200);
        var readAt = read.body().get("readAt").asString();
        assertThat(readAt).isNotBlank();
        assertThat(api.post("/api/notifications/" + id + "/read", ann, Map.of()).body().get("readAt").asString())
                .as("marking again keeps the first time").isEqualTo(readAt);
        assertThat(api.get("/api/notifications", ann).body().get("unread").asLong()).isEqualTo(1);

        var all = api.post("/api/notifications/read-all", ann, Map.of());
        assertThat(all.body().get("marked").asInt()).isEqualTo(1);
        assertThat(api.get("/api/notifications", ann).body().get("unread").asLong()).isZero();
        assertThat(api.post("/api/notifications/read-all", bob, Map.of()).body().get("marked").asInt()).isZero();
    }

    @Test
    void pagesFollowNextNewestFirstWithoutRepeats() throws Exception {
        var ann = api.token(unique("ann"));
        for (var name : new String[] { "One", "Two", "Three" }) {
            api.post("/api/agents", ann, Map.of("name", name));
        }
        var all = awaitInbox(ann, 3).get("items");
        var first = api.get("/api/notifications?limit=2", ann).body();
        assertThat(first.get("items").size()).isEqualTo(2);
        var second = api.get("/api/notifications?limit=2&after=" + first.get("next").asString(), ann).body();
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(java.util.List.of(first.get("items").get(0).get("id"), first.get("items").get(1).get("id"),
                second.get("items").get(0).get("id"))).containsExactly(all.get(0).get("id"), all.get(1).get("id"),
                        all.get(2).get("id"));

        var badCursor = api.get("/api/notifications?after=yesterday", ann);
        var badLimit = api.get("/api/notifications?limit=1000", ann);
        assertThat(java.util.List.of(badCursor, badLimit)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        });
        assertThat(badCursor.body().get("detail").asString()).startsWith("after:");
    }

    @Test
    void inAppOffKeepsTheInboxEmpty() throws Exception {
        var ann = api.token(unique("ann"));
        api.patch("/api/profiles/me", ann, Map.of("notificationPreferences",
                Map.of("email", false, "inApp", false, "webhook", false)));
        // Decided in the registration's own transaction (the first test sees the notification at once when it is on).
        api.post("/api/agents", ann, Map.of("name", "Quiet"));
        assertThat(api.get("/api/notifications", ann).body().get("items").size()).isZero();
    }

    @Test
    void theDatabaseShowsNobodyAnothersNotificationsAndNoSecretAtAll() throws Exception {
        var ann = api.token(unique("ann"));
        var bob = api.token(unique("bob"));
        var annId = api.profileId(ann);
        var bobId = api.profileId(bob);
        api.post("/api/agents", ann, Map.of("name", "Private"));
        var id = awaitInbox(ann, 1).get("items").get(0).get("id").asString();
        api.post("/api/notifications/webhook-secret", ann, Map.of());

        long annSees = appRole.actingFor(annId, jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM notifications WHERE id = ?::uuid", Long.class, id));
        long bobSees = appRole.actingFor(bobId, jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM notifications WHERE id = ?::uuid", Long.class, id));
        int bobMarks = appRole.actingFor(bobId, jdbc -> jdbc.update(
                "UPDATE notifications SET read_at = now() WHERE id = ?::uuid", id));
        assertThat(annSees).isEqualTo(1);
        assertThat(bobSees).isZero();
        assertThat(bobMarks).isZero();
        assertThat(outcome(annId, "UPDATE notifications SET title = 'forged' WHERE id = ?::uuid", id))
                .as("only read_at is the recipient's to change").isEqualTo("refused");
        assertThat(outcome(annId, "DELETE FROM notifications WHERE id = ?::uuid", id)).isEqualTo("refused");
        assertThat(outcome(bobId, "INSERT INTO notifications (id, recipient_id, kind, type, title) "
                + "VALUES (gen_random_uuid(), ?::uuid, 'x', 'info', 'spoofed')", annId))
                .as("nobody writes into another's inbox").isEqualTo("refused");
        assertThat(outcome(annId, "SELECT count(*) FROM webhook_secrets WHERE profile_id = ?::uuid", annId))
                .as("not even one's own secret is read back").isEqualTo("refused");
        assertThat(outcome(bobId, "SELECT count(*) FROM webhook_secrets WHERE profile_id = ?::uuid", annId))
                .isEqualTo("refused");
        assertThat(owner.query("SELECT count(*) FROM webhook_secrets WHERE profile_id = ?::uuid", Long.class, annId))
                .isEqualTo(1);
    }

    private String outcome(String actor, String sql, String id) {
        try {
            appRole.actingFor(actor, jdbc -> {
                if (sql.startsWith("SELECT")) {
                    return jdbc.queryForList(sql, id).size();
                }
                return jdbc.update(sql, id);
            });
            return "allowed";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause() instanceof SQLException denied && "42501".equals(denied.getSQLState())
                    ? "refused" : "failed: " + e.getMostSpecificCause().getMessage();
        }
    }

    private JsonNode awaitInbox(String token, int size) throws Exception {
        Eventually.await(() -> api.get("/api/notifications", token).body().get("items").size() >= size);
        return api.get("/api/notifications", token).body();
    }
}
