package com.agentanchor.profiles;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

@IntegrationTest
class ProfilesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase owner;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theFirstCallProvisionsTheProfileFromTheTokenClaims() {
        var subject = unique("dana");
        var me = api.get("/api/profiles/me", api.token(subject, subject + "@example.test", "Dana Scully"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo(subject + "@example.test");
        assertThat(me.body().get("fullName").asString()).isEqualTo("Dana Scully");
        assertThat(me.body().get("role").asString()).isEqualTo("consumer");
        assertThat(me.body().get("subscriptionTier").asString()).isEqualTo("free");
        assertThat(me.body().get("notificationPreferences").get("inApp").asBoolean()).isTrue();
    }

    @Test
    void aUserEditsTheirOwnProfile() {
        var token = api.token(unique("erin"));
        var edited = api.patch("/api/profiles/me", token, Map.of("role", "trainer", "storefrontName", "Erin's Agents",
                "notificationPreferences", Map.of("email", false, "inApp", true, "webhook", true,
                        "webhookUrl", "https://hooks.example.test/erin")));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("role").asString()).isEqualTo("trainer");
        assertThat(edited.body().get("storefrontName").asString()).isEqualTo("Erin's Agents");
        assertThat(edited.body().get("notificationPreferences").get("webhookUrl").asString())
                .isEqualTo("https://hooks.example.test/erin");
        assertThat(api.get("/api/profiles/me", token).body().get("role").asString()).isEqualTo("trainer");
    }

    @Test
    void invalidEditsAreProblemsAndChangeNothing() {
        var subject = unique("frank");
        var token = api.token(subject);
        api.get("/api/profiles/me", token);

        var badRole = api.patch("/api/profiles/me", token, Map.of("role", "admin"));
        var hookWithoutUrl = api.patch("/api/profiles/me", token,
                Map.of("notificationPreferences", Map.of("email", true, "inApp", true, "webhook", true)));
        var tierIsNotYours = api.patch("/api/profiles/me", token, Map.of("subscriptionTier", "enterprise"));
        var noSuchPort = api.patch("/api/profiles/me", token, Map.of("notificationPreferences", Map.of("email", true,
                "inApp", true, "webhook", true, "webhookUrl", "https://hooks.example.test:99999/frank")));

        assertThat(badRole.body().get("detail").asString()).startsWith("role: must be one of [trainer, consumer, both]");
        assertThat(hookWithoutUrl.body().get("detail").asString())
                .contains("notificationPreferences.webhookUrl: webhookUrl is required when webhook is true");
        assertThat(tierIsNotYours.body().get("detail").asString()).isEqualTo("subscriptionTier: is not a known field");
        assertThat(noSuchPort.body().get("detail").asString()).contains("a port from 1 to 65535");
        assertThat(java.util.List.of(badRole, hookWithoutUrl, tierIsNotYours, noSuchPort)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        });
        assertThat(owner.rows("SELECT role::text, subscription_tier::text FROM profiles WHERE auth_user_id = ?", subject))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("role", "consumer")
                        .containsEntry("subscription_tier", "free"));
    }

    @Test
    void anEmailHeldByAnotherAccountIsAConflict() {
        var first = unique("gina");
        api.get("/api/profiles/me", api.token(first));

        var impostor = api.get("/api/profiles/me", api.token(unique("other"), first + "@example.test", "G"));

        assertThat(impostor.status()).isEqualTo(409);
        assertThat(impostor.isProblem()).isTrue();
    }
}
