package com.agentanchor.platform.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} health component (part of readiness) that answers at once: the check runs on a thread of its own
 * and the endpoint waits for it at most {@code AGENTANCHOR_DB_READINESS_TIMEOUT}. A check still waiting for a
 * connection means DOWN, and the next call joins it instead of starting another. Boot's own indicator would hold
 * every health and readiness call for the pool's whole connection timeout while the database is away.
 */
class DatabaseReadiness implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> check;

    DatabaseReadiness(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<?> current;
        synchronized (this) {
            if (check == null || check.isDone()) {
                check = checks.submit(this::connect);
            }
            current = check;
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no connection within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("reason", "the database cannot be reached").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    private Void connect() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                throw new SQLException("the connection did not answer");
            }
        }
        return null;
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
