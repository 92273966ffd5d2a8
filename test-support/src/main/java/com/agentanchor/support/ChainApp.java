package com.agentanchor.support;

import java.util.HashMap;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;


/**
 * A second instance of the app ({@link ModulesOnTheClasspath}), on a database of its own (a {@link FreshDatabase}), as it would run against an
 * external PostgreSQL: for tests that need a chain nobody else appends to, and restarts. Roles are cluster-wide, so
 * it logs in as the same app role with the same password as the test context. Closing it is a shutdown; starting
 * another on the same database is a restart.
 */
public final class ChainApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ChainApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ChainApp start(Environment env, FreshDatabase db, String... extraProperties) {
        var properties = new HashMap<String, Object>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", env.getRequiredProperty("spring.liquibase.user"));
        properties.put("spring.datasource.password", env.getProperty("spring.liquibase.password", ""));
        properties.put("agentanchor.db.app-password", env.getRequiredProperty("spring.datasource.password"));
        properties.put("server.port", "0");
        properties.put("agentanchor.realtime.local-ws-port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("agentanchor.truthchain.checkpoint-interval", "0s"); // see IntegrationTest
        properties.put("agentanchor.webhooks.delivery-interval", "0s"); // likewise
        // Its database looks external to it (a URL is given): development tokens must be asked for.
        properties.put("agentanchor.auth.dev-tokens", "true");
        for (String property : extraProperties) {
            int eq = property.indexOf('=');
            properties.put(property.substring(0, eq), property.substring(eq + 1));
        }
        // As command-line arguments: they win over application.yaml (server.port: ${PORT:8080}).
        var args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(ModulesOnTheClasspath.class, PublishedEvents.class).run(args);
        return new ChainApp(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
