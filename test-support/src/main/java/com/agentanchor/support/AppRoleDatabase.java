package com.agentanchor.support;

import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the app's pool sees it (the app role, under row-level security), acting for one profile: for
 * showing what the database itself refuses when the Java checks are bypassed. Every transaction is rolled back.
 */
@TestComponent
public class AppRoleDatabase {

    private final DataSource pool;

    AppRoleDatabase(DataSource pool) {
        this.pool = pool;
    }

    public <T> T actingFor(String profileId, Function<JdbcTemplate, T> work) {
        return acting("app.current_user_id", profileId, work);
    }

    /** As an agent calling with its own key: {@code app.current_agent_id}, no user. */
    public <T> T actingForAgent(String agentId, Function<JdbcTemplate, T> work) {
        return acting("app.current_agent_id", agentId, work);
    }

    private <T> T acting(String setting, String id, Function<JdbcTemplate, T> work) {
        return new TransactionTemplate(new DataSourceTransactionManager(pool)).execute(status -> {
            status.setRollbackOnly();
            var jdbc = new JdbcTemplate(pool);
            jdbc.queryForObject("SELECT set_config(?, ?, true)", String.class, setting, id);
            return work.apply(jdbc);
        });
    }
}
