package com.agentanchor.platform.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns database start-up failures into one sentence that names the variable to fix. */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidDatabaseUrl invalid) {
                return new FailureAnalysis(invalid.getMessage(), "Fix " + invalid.variable()
                        + " (see the configuration reference in the README).", invalid);
            }
            if (cause instanceof UnsafeDatabaseRole unsafe) {
                return new FailureAnalysis(unsafe.getMessage(),
                        "Let the migration create agentanchor_app, and give the app its password in "
                                + "AGENTANCHOR_DB_APP_PASSWORD.", unsafe);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                            || sql.getSQLState().equals("3D000"))) {
                return new FailureAnalysis("Could not connect to " + DatabaseSource.description() + ": "
                        + sql.getMessage(), "Check that the database is running and reachable, and that the "
                        + "URL, user and password are right.", sql);
            }
        }
        return null;
    }
}
