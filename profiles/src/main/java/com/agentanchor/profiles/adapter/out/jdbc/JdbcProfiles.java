package com.agentanchor.profiles.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.out.Profiles;
import com.agentanchor.profiles.domain.NotificationPreferences;
import com.agentanchor.profiles.domain.Profile;
import com.agentanchor.profiles.domain.PublicProfile;
import com.agentanchor.profiles.domain.SubscriptionTier;
import com.agentanchor.profiles.domain.UserRole;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: a profile is created only by the definer function
 * {@code provision_profile}, and the owner updates the columns granted to them, never the whole row.
 */
@Repository
class JdbcProfiles implements Profiles {

    private static final String COLUMNS = """
            id, email, full_name, avatar_url, role, subscription_tier, notification_preferences,
            storefront_name, storefront_bio, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Provisioned> provision(AuthenticatedSubject subject) {
        return jdbc.sql("SELECT profile_id, created FROM provision_profile(?, ?, ?)")
                .params(subject.subject(), subject.email().strip(), subject.name())
                .query((rs, n) -> new Provisioned(rs.getObject("profile_id", UUID.class), rs.getBoolean("created")))
                .optional();
    }

    @Override
    public Optional<Profile> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profiles WHERE id = ?").param(id).query(this::profile).optional();
    }

    @Override
    public Optional<Profile> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profiles WHERE id = ? FOR UPDATE").param(id)
                .query(this::profile).optional();
    }

    @Override
    public void deleteMine() {
        jdbc.sql("SELECT delete_my_profile()").query(Boolean.class).single();
    }

    @Override
    public Profile save(Profile p) {
        return jdbc.sql("""
                UPDATE profiles SET full_name = ?, avatar_url = ?, role = ?::user_role,
                       notification_preferences = ?::jsonb, storefront_name = ?, storefront_bio = ?
                 WHERE id = ?
                RETURNING""" + " " + COLUMNS)
                .params(p.fullName(), p.avatarUrl(), p.role().name(), json.writeValueAsString(
                        StoredPreferences.of(p.notificationPreferences())), p.storefrontName(), p.storefrontBio(), p.id())
                .query(this::profile).single();
    }

    @Override
    public Optional<PublicProfile> findPublic(UUID id) {
        // A definer function: the profiles policies show a user only their own row.
        return jdbc.sql("SELECT id, full_name, avatar_url, storefront_name, storefront_bio, created_at "
                + "FROM public_profile(?)").param(id)
                .query((rs, n) -> new PublicProfile(rs.getObject("id", UUID.class), rs.getString("full_name"),
                        rs.getString("avatar_url"), rs.getString("storefront_name"), rs.getString("storefront_bio"),
                        instant(rs, "created_at")))
                .optional();
    }

    private Profile profile(ResultSet rs, int row) throws SQLException {
        String preferences = rs.getString("notification_preferences");
        return new Profile(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("avatar_url"),
                UserRole.valueOf(rs.getString("role")),
                SubscriptionTier.valueOf(rs.getString("subscription_tier")),
                preferences == null ? NotificationPreferences.DEFAULT
                        : json.readValue(preferences, StoredPreferences.class).toDomain(),
                rs.getString("storefront_name"),
                rs.getString("storefront_bio"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The stored JSON shape, as the origin wrote it. */
    record StoredPreferences(boolean email, @JsonProperty("in_app") boolean inApp, boolean webhook,
            @JsonProperty("webhook_url") String webhookUrl) {

        static StoredPreferences of(NotificationPreferences p) {
            return new StoredPreferences(p.email(), p.inApp(), p.webhook(), p.webhookUrl());
        }

        NotificationPreferences toDomain() {
            return new NotificationPreferences(email, inApp, webhook, webhookUrl);
        }
    }
}
