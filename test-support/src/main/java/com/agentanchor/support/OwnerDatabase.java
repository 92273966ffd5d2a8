package com.agentanchor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database as the migrating user sees it (a superuser on the embedded default): for seeding rows and for
 * re-reading what the app role could not see or change.
 */
@TestComponent
public class OwnerDatabase {

    private final Environment env;

    OwnerDatabase(Environment env) {
        this.env = env;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(env.getRequiredProperty("spring.liquibase.url"),
                env.getRequiredProperty("spring.liquibase.user"), env.getProperty("spring.liquibase.password", ""));
    }

    public <T> T query(String sql, Class<T> type, Object... args) {
        return withJdbc(jdbc -> jdbc.queryForObject(sql, type, args));
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        return withJdbc(jdbc -> jdbc.queryForList(sql, args));
    }

    public int update(String sql, Object... args) {
        return withJdbc(jdbc -> jdbc.update(sql, args));
    }

    /** The one row {@code sql} finds once an asynchronous listener has written it, within 10 s. */
    public Map<String, Object> awaitRow(String what, String sql, Object... args) throws Exception {
        Eventually.await(() -> !rows(sql, args).isEmpty());
        var found = rows(sql, args);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + what + ", found " + found.size() + ": " + found);
        }
        return found.get(0);
    }

    /** The record types on the truth chain about {@code subjectIds}, once they include all of {@code types}. */
    public List<String> awaitChain(List<String> types, Object... subjectIds) throws Exception {
        var sql = "SELECT record_type::text FROM truth_chain WHERE subject_id = ANY (?::uuid[])";
        var ids = java.util.Arrays.stream(subjectIds).map(String::valueOf).toArray(String[]::new);
        Eventually.await(() -> withJdbc(jdbc -> jdbc.queryForList(sql, String.class, (Object) ids)).containsAll(types));
        return withJdbc(jdbc -> jdbc.queryForList(sql, String.class, (Object) ids));
    }

    private <T> T withJdbc(java.util.function.Function<JdbcTemplate, T> work) {
        try (var connection = connect()) {
            return work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
