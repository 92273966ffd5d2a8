package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class OutageRuleTests {

    private static final SQLException BROKEN = new SQLException("An I/O error occurred while sending to the backend.",
            "08006", new SocketException("Connection reset by peer"));

    @Test
    void aBrokenConnectionIsAnOutageAndAFailedStatementIsNot() {
        assertThat(DatabaseOutage.explains(new DataAccessResourceFailureException("query", BROKEN))).isTrue();
        assertThat(DatabaseOutage.explains(new DataIntegrityViolationException("insert",
                new SQLException("duplicate key", "23505")))).isFalse();
    }

    /** Spring throws the failed rollback's exception and keeps the statement's aside: the statement's decides. */
    @Test
    void aRollbackThatFailedAfterABrokenConnectionIsAnOutage() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("query", BROKEN));
        assertThat(DatabaseOutage.explains(rollback)).isTrue();

        var afterAConstraint = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterAConstraint.initApplicationException(new DataIntegrityViolationException("insert",
                new SQLException("duplicate key", "23505")));
        assertThat(DatabaseOutage.explains(afterAConstraint)).isFalse();
    }
}
