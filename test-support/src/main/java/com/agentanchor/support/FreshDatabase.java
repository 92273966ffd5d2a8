package com.agentanchor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.core.env.Environment;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A database of its own in the same PostgreSQL as the app, for tests that change the schema or need a chain of
 * their own; dropped on close. Roles are cluster-wide, so the app role and its password are the app's.
 */
public final class FreshDatabase implements AutoCloseable {

    public static final String MASTER = "db/changelog/db.changelog-master.yaml";

    private final Environment env;
    private final String name;
    private final String url;
    private final String appUrl;

    private FreshDatabase(Environment env, String name) {
        this.env = env;
        this.name = name;
        this.url = named(env.getRequiredProperty("spring.liquibase.url"), name);
        // The pool's own way in: through the pooler when there is one (DATABASE_URL next to DATABASE_URL_UNPOOLED).
        this.appUrl = named(env.getRequiredProperty("spring.datasource.url"), name);
    }

    /** The same server and parameters, another database. */
    private static String named(String jdbcUrl, String database) {
        int q = jdbcUrl.indexOf('?');
        var path = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        return path.substring(0, path.lastIndexOf('/') + 1) + database + (q < 0 ? "" : jdbcUrl.substring(q));
    }

    public static FreshDatabase create(Environment env, String purpose) throws SQLException {
        var db = new FreshDatabase(env, "aa_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8));
        try (var admin = DriverManager.getConnection(env.getRequiredProperty("spring.liquibase.url"), user(env),
                password(env)); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + db.name);
        }
        return db;
    }

    /** Its name in the cluster. */
    public String name() {
        return name;
    }

    /** Its JDBC URL (without credentials). */
    public String url() {
        return url;
    }

    /** Connects as the migrating user (the owner's credentials; a superuser on the embedded default). */
    public Connection owner() throws SQLException {
        return DriverManager.getConnection(url, user(env), password(env));
    }

    /** Connects as the app's login role, exactly as the pool does (through the pooler, when there is one). */
    public Connection app() throws SQLException {
        return DriverManager.getConnection(appUrl, env.getRequiredProperty("spring.datasource.username"),
                env.getRequiredProperty("spring.datasource.password"));
    }

    public Liquibase liquibase(Connection connection) throws Exception {
        var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        var liquibase = new Liquibase(MASTER, new ClassLoaderResourceAccessor(), database);
        liquibase.setChangeLogParameter("app_password",
                env.getRequiredProperty("spring.liquibase.parameters.app_password"));
        return liquibase;
    }

    public FreshDatabase migrate() throws Exception {
        try (var connection = owner()) {
            liquibase(connection).update(new Contexts(), new LabelExpression());
        }
        return this;
    }

    @Override
    public void close() throws SQLException {
        try (var admin = DriverManager.getConnection(env.getRequiredProperty("spring.liquibase.url"), user(env),
                password(env)); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String user(Environment env) {
        return env.getRequiredProperty("spring.liquibase.user");
    }

    private static String password(Environment env) {
        return env.getProperty("spring.liquibase.password", "");
    }
}
