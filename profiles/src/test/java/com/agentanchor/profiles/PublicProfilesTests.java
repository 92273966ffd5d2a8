package com.agentanchor.profiles;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;

/** Anyone's public page: the name, avatar and storefront its user chose, never their email or token subject. */
@IntegrationTest
class PublicProfilesTests {

    @LocalServerPort
    int port;

    @Autowired
    AppRoleDatabase appRole;

    @Test
    void anyoneSignedInReadsAnotherUsersPublicPageWithoutTheirEmailOrSubject() {
        var api = new Api(port);
        var subject = unique("grace");
        var email = subject + "@storefront.test";
        var seller = api.token(subject, email, "Grace Hopper");
        api.patch("/api/profiles/me", seller, Map.of("avatarUrl", "https://img.example.test/grace.png",
                "storefrontName", "Grace's Compilers", "storefrontBio", "Agents that debug", "role", "trainer",
                "notificationPreferences", Map.of("email", true, "inApp", true, "webhook", true,
                        "webhookUrl", "https://hooks.example.test/grace")));
        var id = api.profileId(seller);

        var page = api.get("/api/profiles/" + id, api.token(unique("visitor")));

        assertThat(page.status()).isEqualTo(200);
        var body = page.body();
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("fullName").asString()).isEqualTo("Grace Hopper");
        assertThat(body.get("avatarUrl").asString()).isEqualTo("https://img.example.test/grace.png");
        assertThat(body.get("storefrontName").asString()).isEqualTo("Grace's Compilers");
        assertThat(body.get("storefrontBio").asString()).isEqualTo("Agents that debug");
        assertThat(body.get("memberSince").isNull()).isFalse();
        assertThat(body.get("agents")).as("no agents module here").isEmpty();
        assertThat(body.get("listings")).isEmpty();
        var fields = new ArrayList<String>(body.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("id", "fullName", "avatarUrl", "storefrontName",
                "storefrontBio", "memberSince", "agents", "listings");
        assertThat(body.toString()).doesNotContain(email, subject + "\"", "hooks.example.test", "trainer", "free");
        assertThat(api.get("/api/profiles/" + id, seller).body()).as("the same page for its own user")
                .isEqualTo(body);
        assertThat(api.get("/api/profiles/" + id, null).body()).as("and for a visitor without an account")
                .isEqualTo(body);
        assertThat(api.get("/api/profiles/me", null).status()).as("me is nobody without a token").isEqualTo(401);
    }

    @Test
    void anUnknownProfileIsA404AndABadIdA400() {
        var api = new Api(port);
        var token = api.token(unique("visitor"));

        var unknown = api.get("/api/profiles/" + UUID.randomUUID(), token);
        var bad = api.get("/api/profiles/not-an-id", token);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }

    @Test
    void theDatabaseHandsOutThePublicColumnsOnlyAndTheProfilesThemselvesStayWalled() {
        var api = new Api(port);
        var owner = api.profileId(api.token(unique("owner")));
        var visitor = api.profileId(api.token(unique("visitor")));

        var columns = appRole.actingFor(visitor, jdbc -> jdbc.queryForList("SELECT * FROM public_profile(?::uuid)",
                owner));
        var rows = appRole.actingFor(visitor, jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM profiles WHERE id = ?::uuid", Long.class, owner));
        var anonymous = appRole.actingFor("", jdbc -> jdbc.queryForList("SELECT full_name FROM public_profile(?::uuid)",
                owner));

        assertThat(columns).singleElement().satisfies(row -> assertThat(row.keySet()).containsExactlyInAnyOrder("id",
                "full_name", "avatar_url", "storefront_name", "storefront_bio", "created_at"));
        assertThat(rows).as("another's row itself stays hidden").isZero();
        assertThat(anonymous).as("public, even without a user").hasSize(1);
    }
}
