package com.agentanchor.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookRulesTests {

    @Test
    void theAllowlistMatchesHostsWithoutCaseAndPortsWhenGiven() {
        var list = WebhookAllowlist.parse(" Hooks.Internal , localhost:9000,[::1]:8443, 10.0.0.5 ");
        assertThat(list.permits("hooks.internal", 443)).isTrue();
        assertThat(list.permits("HOOKS.internal", 80)).isTrue();
        assertThat(list.permits("localhost", 9000)).isTrue();
        assertThat(list.permits("localhost", 9001)).isFalse();
        assertThat(list.permits("[::1]", 8443)).isTrue();
        assertThat(list.permits("10.0.0.5", 1234)).isTrue();
        assertThat(list.permits("127.0.0.1", 9000)).as("a name, not what it resolves to").isFalse();
        assertThat(list.permits("evil.hooks.internal", 443)).isFalse();
        assertThat(WebhookAllowlist.parse("").permits("localhost", 80)).isFalse();
        assertThatThrownBy(() -> WebhookAllowlist.parse("localhost:http")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretIsWhsecAndThirtyTwoRandomBytesAndNeverPrinted() {
        var secret = WebhookSecret.generate(new SecureRandom());
        assertThat(secret.value()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
        assertThat(secret.toString()).isEqualTo("whsec_…");
        assertThatThrownBy(() -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[8])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignatureIsStandardWebhooksHmacOfIdTimestampAndBody() throws Exception {
        // The test vector of Standard Webhooks' libraries (secret, message id, timestamp, payload, signature).
        var secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var body = "{\"test\": 2432232314}";
        var signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        // and by hand, from the specification's words
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        var expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(signature).isEqualTo("v1," + expected);
    }

    @Test
    void retriesBackOffAndEndAfterTheNinthAttempt() {
        var schedule = RetrySchedule.STANDARD;
        assertThat(schedule.after(1)).contains(Duration.ofSeconds(10));
        assertThat(schedule.after(2)).contains(Duration.ofMinutes(1));
        assertThat(schedule.after(3)).contains(Duration.ofMinutes(5));
        assertThat(schedule.after(8)).contains(Duration.ofHours(10));
        assertThat(schedule.after(9)).isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(9);
    }

    @Test
    void aNotificationsIdIsItsEventsAndRecipientsAndItsCursorRoundTrips() {
        var event = UUID.randomUUID();
        var recipient = UUID.randomUUID();
        var at = Instant.parse("2026-12-03T10:15:30.123456Z");
        var first = Notification.of(event, recipient, "agent.registered", NotificationType.success, "Hi", null, null, at);
        var again = Notification.of(event, recipient, "agent.registered", NotificationType.success, "Hi", null, null, at);
        var other = Notification.of(event, UUID.randomUUID(), "agent.registered", NotificationType.success, "Hi", null,
                null, at);
        assertThat(first.id()).isEqualTo(again.id()).isNotEqualTo(other.id());

        var cursor = InboxCursor.after(first);
        assertThat(InboxCursor.parse(cursor.toString())).isEqualTo(cursor);
        assertThatThrownBy(() -> InboxCursor.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notification.of(event, recipient, "Not A Kind", NotificationType.info, "x", null, null,
                at)).isInstanceOf(IllegalArgumentException.class);
    }
}
