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
        return new TransactionTemplate(new DataSourceTransactionManager(pool)).execute(status -> {
            status.setRollbackOnly();
            var jdbc = new JdbcTemplate(pool);
            jdbc.queryForObject("SELECT set_config('app.current_user_id', ?, true)", String.class, profileId);
            return work.apply(jdbc);
        });
    }
}
