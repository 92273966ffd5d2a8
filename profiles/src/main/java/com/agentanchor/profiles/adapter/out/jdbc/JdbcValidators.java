package com.agentanchor.profiles.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.profiles.application.port.in.Appointment;
import com.agentanchor.profiles.application.port.in.ValidatorView;
import com.agentanchor.profiles.application.port.out.Validators;

/** JdbcClient: the app role may only read validator_credentials; writes go through the admin-checking functions. */
@Repository
class JdbcValidators implements Validators {

    private final JdbcClient jdbc;

    JdbcValidators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A seat granted by this transaction has {@code granted_at = now()}: the column's default is the transaction's
     * start, which no earlier grant shares.
     */
    @Override
    public Optional<Appointment> grant(UUID profileId) {
        try {
            return Optional.of(jdbc.sql("SELECT profile_id, granted_by, granted_at, granted_at = now() AS seated_now "
                    + "FROM grant_validator(?)").param(profileId)
                    .query((rs, row) -> new Appointment(seat(rs, row), rs.getBoolean("seated_now"))).single());
        } catch (DataIntegrityViolationException noSuchProfile) { // the foreign key to profiles
            return Optional.empty();
        }
    }

    @Override
    public boolean revoke(UUID profileId) {
        return jdbc.sql("SELECT revoke_validator(?)").param(profileId).query(Boolean.class).single();
    }

    @Override
    public List<ValidatorView> all() {
        return jdbc.sql("SELECT profile_id, granted_by, granted_at FROM validator_credentials "
                + "ORDER BY granted_at, profile_id").query(this::seat).list();
    }

    @Override
    public boolean actingUserIsValidator() {
        return jdbc.sql("SELECT is_validator()").query(Boolean.class).single();
    }

    private ValidatorView seat(ResultSet rs, int row) throws SQLException {
        return new ValidatorView(rs.getObject("profile_id", UUID.class),
                rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("granted_by", UUID.class));
    }
}
