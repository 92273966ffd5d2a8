package com.agentanchor.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database cannot be reached right now (stopped, restarting, unreachable, or no pooled connection came within
 * {@code AGENTANCHOR_DB_CONNECTION_TIMEOUT}): the client is told 503 with {@code Retry-After}, never a 500, and
 * nothing about the SQL or the stack. The one place that decides which failures mean that; the MVC advice and
 * {@link DatabaseUnavailableFilter} (for failures in the security filters) both answer through it.
 */
final class DatabaseUnavailable {

    static final String TITLE = "Service Unavailable";
    static final String DETAIL = "The database cannot be reached right now; try again shortly.";
    /** Seconds: about how long a restart of the database or a failover takes. */
    static final String RETRY_AFTER = "5";

    private DatabaseUnavailable() {
    }

    /**
     * Whether {@code failure} comes from not reaching the database: the pool's timeout, Spring's "cannot get a
     * connection", and PostgreSQL's connection exceptions (SQLState class 08) and shutdown states (57P01 admin
     * shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        return problem;
    }
}
