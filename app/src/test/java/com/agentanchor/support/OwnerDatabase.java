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

    private <T> T withJdbc(java.util.function.Function<JdbcTemplate, T> work) {
        try (var connection = connect()) {
            return work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
