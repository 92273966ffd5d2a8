package com.agentanchor.platform.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.util.function.SingletonSupplier;


@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Every transaction starts by telling PostgreSQL who acts ({@link ActingTransactionManager}). */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionActor> actors) {
        return new ActingTransactionManager(dataSource, SingletonSupplier.of(() -> actors.orderedStream().toList()));
    }

    /** Replaces Boot's {@code db} health indicator (same name, so readiness keeps including {@code db}). */
    @Bean
    DatabaseReadiness dbHealthIndicator(DataSource dataSource,
            @Value("${agentanchor.db.readiness-timeout:1s}") Duration timeout) {
        return new DatabaseReadiness(dataSource, timeout);
    }

    /** Refuses to serve from a role that row-level security would not hold. */
    @Bean
    ApplicationRunner databaseRoleGuard(JdbcClient jdbc) {
        return args -> {
            var role = jdbc.sql("""
                    SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                           EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = 'public' AND c.relkind = 'r'
                                      AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owns_tables
                      FROM pg_roles r WHERE r.rolname = current_user""")
                    .query((rs, n) -> new Role(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                    .single();
            if (role.superuser() || role.bypassRls() || role.ownsTables()) {
                throw new UnsafeDatabaseRole("The app's database role " + role.name()
                        + " is a superuser, bypasses row-level security or owns tables");
            }
        };
    }

    private record Role(String name, boolean superuser, boolean bypassRls, boolean ownsTables) {
    }
}
