package com.agentanchor.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.agentanchor.platform.database.DatabaseOutage;

/**
 * The database cannot be reached right now (stopped, restarting, unreachable, or no pooled connection came within
 * {@code AGENTANCHOR_DB_CONNECTION_TIMEOUT}): the client is told 503 with {@code Retry-After}, never a 500, and
 * nothing about the SQL or the stack. {@link DatabaseOutage} decides which failures mean that; the MVC advice and
 * {@link DatabaseUnavailableFilter} (for failures in the security filters) both answer through this.
 */
final class DatabaseUnavailable {

    static final String TITLE = "Service Unavailable";
    static final String DETAIL = "The database cannot be reached right now; try again shortly.";
    /** Seconds: about how long a restart of the database or a failover takes. */
    static final String RETRY_AFTER = "5";

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} comes from not reaching the database ({@link DatabaseOutage}). */
    static boolean explains(Throwable failure) {
        return DatabaseOutage.explains(failure);
    }

    static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        return problem;
    }
}
