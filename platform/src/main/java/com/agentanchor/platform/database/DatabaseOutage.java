package com.agentanchor.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean that the database cannot be reached right now (stopped, restarting, unreachable, or no pooled
 * connection came within {@code AGENTANCHOR_DB_CONNECTION_TIMEOUT}), as opposed to a statement that failed. The web
 * layer answers those 503.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * Whether {@code failure} comes from not reaching the database: the pool's timeout, Spring's "cannot get a
     * connection", and PostgreSQL's connection exceptions (SQLState class 08) and shutdown states (57P01 admin
     * shutdown, 57P02 crash shutdown, 57P03 cannot connect now). When a transaction's statement failed and its
     * rollback then failed too (the pool's "Connection is closed", without a state), the statement's failure
     * decides: Spring throws the rollback's and keeps the statement's as its application exception.
     */
    public static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != t && explains(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
