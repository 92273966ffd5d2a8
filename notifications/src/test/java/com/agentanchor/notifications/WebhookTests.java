package com.agentanchor.notifications;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.notifications.application.port.in.WebhookDispatch;
import com.agentanchor.support.Api;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.OwnerDatabase;
import com.standardwebhooks.Webhook;

import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: preferences and secret through the API, an agent registered, the outbox row written by the
 * listener, then {@link WebhookDispatch#deliverDue()} called here (the schedule is off in tests), so every attempt
 * happens exactly when the test says.
 */
@NotificationsTest
class WebhookTests {

    static WebhookReceiver receiver;

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    @Autowired
    WebhookDispatch dispatch;

    Api api;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aNotificationReachesTheReceiverSignedWithTheSecretShownOnce() throws Exception {
        var path = "/hooks/" + unique("ann");
        var ann = api.token(unique("ann"));
        var annId = api.profileId(ann);
        useWebhook(ann, "http://localhost:" + receiver.port() + path);
        var issued = api.post("/api/notifications/webhook-secret", ann, Map.of());
        assertThat(issued.status()).isEqualTo(200);
        var secret = issued.body().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        var agent = api.post("/api/agents", ann, Map.of("name", "Hooked")).body().get("id").asString();
        var delivery = awaitDelivery(annId);
        var before = Instant.now().getEpochSecond();
        dispatch.deliverDue();

        var got = receiver.received(path);
        assertThat(got).hasSize(1);
        var request = got.get(0);
        var id = request.header("webhook-id");
        var timestamp = request.header("webhook-timestamp");
        assertThat(id).isEqualTo(delivery.get("id").toString());
        assertThat(Long.parseLong(timestamp)).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");

        // Verified as the specification says, with nothing but the JDK and the secret shown once...
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        var expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("webhook-signature").split(" ")).contains(expected);
        // ...and as a receiver using Standard Webhooks' own library would (which also checks the timestamp).
        new Webhook(secret).verify(request.body(), request.headers());

        var body = json.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("agent.registered");
        assertThat(body.get("data").get("id").asString()).isEqualTo(id);
        assertThat(body.get("data").get("title").asString()).isEqualTo("Agent registered");
        assertThat(body.get("data").get("actionUrl").asString()).isEqualTo("/agents/" + agent);
        assertThat(api.get("/api/notifications", ann).body().get("items").get(0).get("id").asString())
                .as("the same notification is in the inbox").isEqualTo(id);

        var row = owner.rows("SELECT status, attempts, delivered_at FROM webhook_deliveries WHERE id = ?::uuid", id)
                .get(0);
        assertThat(row).containsEntry("status", "delivered").containsEntry("attempts", 1);
        assertThat(row.get("delivered_at")).isNotNull();
        dispatch.deliverDue();
        assertThat(receiver.received(path)).as("delivered once").hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffAndTheSameWebhookId() throws Exception {
        var path = "/hooks/" + unique("flaky");
        receiver.answer(path, 500);
        var cat = api.token(unique("cat"));
        var catId = api.profileId(cat);
        useWebhook(cat, "http://localhost:" + receiver.port() + path);
        var secret = api.post("/api/notifications/webhook-secret", cat, Map.of()).body().get("secret").asString();
        api.post("/api/agents", cat, Map.of("name", "Flaky"));
        var id = awaitDelivery(catId).get("id");

        dispatch.deliverDue();
        var failed = owner.rows("""
                SELECT status, attempts, last_error, next_attempt_at - last_attempt_at = interval '10 seconds' AS backoff
                  FROM webhook_deliveries WHERE id = ?""", id).get(0);
        assertThat(failed).containsEntry("status", "pending").containsEntry("attempts", 1)
                .containsEntry("last_error", "HTTP 500").containsEntry("backoff", true);
        assertThat(receiver.received(path)).hasSize(1);

        // Time passes (the backoff's 10 s), without the test sleeping.
        owner.update("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ?", id);
        dispatch.deliverDue();

        var got = receiver.received(path);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id")).isEqualTo(id.toString());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        new Webhook(secret).verify(got.get(1).body(), got.get(1).headers());
        assertThat(owner.rows("SELECT status, attempts FROM webhook_deliveries WHERE id = ?", id).get(0))
                .containsEntry("status", "delivered").containsEntry("attempts", 2);
    }

    @Test
    void aReceiverThatIsDownGetsEveryNotificationOnceItIsBack() throws Exception {
        int down;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = probe.getLocalPort(); // free once closed: nothing listens there
        }
        var path = "/hooks/" + unique("down");
        var dan = api.token(unique("dan"));
        var danId = api.profileId(dan);
        useWebhook(dan, "http://localhost:" + down + path);
        api.post("/api/notifications/webhook-secret", dan, Map.of());
        for (int i = 0; i < 3; i++) {
            api.post("/api/agents", dan, Map.of("name", "While down " + i));
        }
        var count = "SELECT count(*) FROM webhook_deliveries WHERE recipient_id = ?::uuid";
        Eventually.await(() -> owner.query(count, Long.class, danId) == 3);

        dispatch.deliverDue();
        assertThat(owner.rows("SELECT status, attempts, last_error FROM webhook_deliveries WHERE recipient_id = ?::uuid",
                danId)).hasSize(3).allSatisfy(row -> assertThat(row).containsEntry("status", "pending")
                        .containsEntry("attempts", 1).hasEntrySatisfying("last_error", e -> assertThat(e).isNotNull()));

        try (var back = new WebhookReceiver(down)) {
            // Time passes (the backoff's 10 s), without the test sleeping.
            owner.update("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE recipient_id = ?::uuid", danId);
            dispatch.deliverDue();
            dispatch.deliverDue(); // nothing is due any more: none goes out twice

            var ids = owner.query("SELECT string_agg(id::text, ',' ORDER BY id) FROM webhook_deliveries "
                    + "WHERE recipient_id = ?::uuid AND status = 'delivered' AND attempts = 2", String.class, danId);
            assertThat(back.received(path)).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrder(ids.split(","));
        }
    }

    @Test
    void aLoopbackAddressNotOnTheAllowlistIsRefusedWithoutARequest() throws Exception {
        var path = "/hooks/" + unique("mallory");
        var mallory = api.token(unique("mallory"));
        var malloryId = api.profileId(mallory);
        api.post("/api/notifications/webhook-secret", mallory, Map.of());
        // 127.0.0.1 is loopback and not on the list (only the name localhost is): over http and over https.
        for (var url : new String[] { "http://127.0.0.1:" + receiver.port() + path,
                "https://127.0.0.1:" + receiver.port() + path }) {
            useWebhook(mallory, url);
            var agent = api.post("/api/agents", mallory, Map.of("name", "Probe")).body().get("id").asString();
            var delivery = owner.awaitRow("delivery", "SELECT id FROM webhook_deliveries WHERE recipient_id = ?::uuid "
                    + "AND payload LIKE ?", malloryId, "%" + agent + "%");
            dispatch.deliverDue();
            assertThat(owner.rows("SELECT status, attempts, last_error FROM webhook_deliveries WHERE id = ?",
                    delivery.get("id")).get(0)).as(url).containsEntry("status", "refused")
                    .containsEntry("attempts", 1).hasEntrySatisfying("last_error",
                            e -> assertThat((String) e).contains("AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS"));
        }
        assertThat(receiver.received(path)).as("no request was made").isEmpty();
    }

    @Test
    void aUrlSavedBeforeItsPortWasCheckedIsRefusedWhenItIsSent() throws Exception {
        var olga = api.token(unique("olga"));
        var olgaId = api.profileId(olga);
        api.post("/api/notifications/webhook-secret", olga, Map.of());
        useWebhook(olga, "https://hooks.example.test/olga");
        var agent = api.post("/api/agents", olga, Map.of("name", "Probe")).body().get("id").asString();
        var delivery = owner.awaitRow("delivery", "SELECT id FROM webhook_deliveries WHERE recipient_id = ?::uuid "
                + "AND payload LIKE ?", olgaId, "%" + agent + "%");
        // The profile API refuses such a port now; a delivery queued earlier may still carry one.
        owner.update("UPDATE webhook_deliveries SET url = 'https://hooks.example.test:99999/olga' WHERE id = ?",
                delivery.get("id"));

        dispatch.deliverDue();

        assertThat(owner.rows("SELECT status, last_error FROM webhook_deliveries WHERE id = ?", delivery.get("id"))
                .get(0)).containsEntry("status", "refused")
                .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("port"));
    }

    @Test
    void withoutASecretTheWebhookWaitsAndGoesOutOnceThereIsOne() throws Exception {
        var path = "/hooks/" + unique("dora");
        var dora = api.token(unique("dora"));
        var doraId = api.profileId(dora);
        useWebhook(dora, "http://localhost:" + receiver.port() + path);
        api.post("/api/agents", dora, Map.of("name", "Patient"));
        var id = awaitDelivery(doraId).get("id");

        dispatch.deliverDue();
        assertThat(receiver.received(path)).isEmpty();
        assertThat(owner.rows("SELECT status, last_error FROM webhook_deliveries WHERE id = ?", id).get(0))
                .containsEntry("status", "pending")
                .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("webhook-secret"));

        var secret = api.post("/api/notifications/webhook-secret", dora, Map.of()).body().get("secret").asString();
        owner.update("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ?", id);
        dispatch.deliverDue();
        assertThat(receiver.received(path)).singleElement()
                .satisfies(r -> new Webhook(secret).verify(r.body(), r.headers()));
    }

    @Test
    void aWebhookUrlMustBeHttpOrHttpsWithAHost() {
        var eve = api.token(unique("eve"));
        for (var bad : new String[] { "ftp://example.com/hook", "https://user:pw@example.com/hook", "https:///hook",
                "javascript:alert(1)" }) {
            var response = api.patch("/api/profiles/me", eve, Map.of("notificationPreferences",
                    Map.of("email", false, "inApp", true, "webhook", true, "webhookUrl", bad)));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
    }

    private void useWebhook(String token, String url) {
        var response = api.patch("/api/profiles/me", token, Map.of("notificationPreferences",
                Map.of("email", false, "inApp", true, "webhook", true, "webhookUrl", url)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Map<String, Object> awaitDelivery(String recipientId) throws Exception {
        return owner.awaitRow("delivery", "SELECT id, url, status FROM webhook_deliveries WHERE recipient_id = ?::uuid",
                recipientId);
    }

}
