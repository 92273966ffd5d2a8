package com.agentanchor.profiles;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.platform.security.Admins;
import com.agentanchor.profiles.events.ValidatorAppointed;
import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.PublishedEvents;

/** Sitting on the council takes an admin's appointment; choosing the role trainer grants nothing. */
@IntegrationTest
class CouncilMembershipTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    @Autowired
    PublishedEvents published;

    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = api.token(Admins.DEV_ADMIN);
    }

    @Test
    void aSelfAppointedTrainerIsNoValidatorUntilAnAdminAppointsThem() {
        var token = api.token(unique("trainer"));
        api.patch("/api/profiles/me", token, Map.of("role", "trainer"));
        var id = api.profileId(token);
        assertThat(isValidator(id)).as("the role alone").isFalse();

        var appointed = api.post("/api/council/validators", admin, Map.of("profileId", id));

        assertThat(appointed.status()).isEqualTo(201);
        assertThat(appointed.location()).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/council/validators/" + id));
        assertThat(appointed.body().get("appointedBy").asString()).isEqualTo(api.profileId(admin));
        assertThat(isValidator(id)).isTrue();
        assertThat(api.get("/api/council/validators", token).body().toString()).contains(id);
        var again = api.post("/api/council/validators", admin, Map.of("profileId", id));
        assertThat(again.status()).as("again: the seat held already").isEqualTo(200);
        assertThat(again.body().get("since")).isEqualTo(appointed.body().get("since"));
        assertThat(published.ofType(ValidatorAppointed.class)).filteredOn(e -> e.profileId().toString().equals(id))
                .as("one appointment published, so one public record of it").hasSize(1);

        assertThat(api.delete("/api/council/validators/" + id, admin).status()).isEqualTo(204);
        assertThat(isValidator(id)).isFalse();
        assertThat(api.delete("/api/council/validators/" + id, admin).status()).as("not seated").isEqualTo(404);
    }

    @Test
    void onlyAnAdminAppointsOrDismissesAndOthersChangeNothing() {
        var stranger = api.token(unique("stranger"));
        var candidate = api.profileId(api.token(unique("candidate")));
        var seated = api.profileId(api.trainer(unique("seated")));

        var self = api.post("/api/council/validators", stranger, Map.of("profileId", api.profileId(stranger)));
        var dismissal = api.delete("/api/council/validators/" + seated, stranger);

        assertThat(self.status()).isEqualTo(403);
        assertThat(self.isProblem()).isTrue();
        assertThat(dismissal.status()).isEqualTo(403);
        assertThat(isValidator(api.profileId(stranger))).isFalse();
        assertThat(isValidator(seated)).isTrue();
        assertThat(api.post("/api/council/validators", admin, Map.of("profileId",
                UUID.randomUUID().toString())).status()).as("no such profile").isEqualTo(404);
        assertThat(api.post("/api/council/validators", admin, Map.of("profileId", "nobody")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/council/validators", null).status()).as("signed-in users only").isEqualTo(401);
        assertThat(isValidator(candidate)).isFalse();
    }

    @Test
    void theDatabaseSeatsNobodyForANonAdminWhateverTheAppSends() {
        var me = api.profileId(api.token(unique("sql")));

        assertThatThrownBy(() -> appRole.actingFor(me, jdbc -> jdbc.update(
                "INSERT INTO validator_credentials (profile_id) VALUES (?::uuid)", me)))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appRole.actingFor(me, jdbc -> jdbc.queryForList(
                "SELECT * FROM grant_validator(?::uuid)", me)))
                .rootCause().hasMessageContaining("only a platform admin");
        assertThat(isValidator(me)).isFalse();
        api.trainer(unique("seated"));
        assertThat(appRole.<Long>actingFor("", jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM validator_credentials", Long.class))).as("anonymous sees no seat").isZero();
        assertThat(appRole.<Long>actingFor(me, jdbc -> jdbc.queryForObject(
                "SELECT count(*) FROM validator_credentials", Long.class))).as("a signed-in user sees the council")
                .isPositive();
    }

    private boolean isValidator(String profileId) {
        return database.query("SELECT count(*) FROM validator_credentials WHERE profile_id = ?::uuid", Long.class,
                profileId) == 1;
    }

}
