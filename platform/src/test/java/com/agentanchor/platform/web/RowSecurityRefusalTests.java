package com.agentanchor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/** What the advice answers when a policy refuses a write the service let through, against any other database error. */
class RowSecurityRefusalTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final SQLStateSQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();

    @Test
    void aWriteThePoliciesRefuseIsForbiddenAndNamesNoTable() {
        var refused = translator.translate("insert", "INSERT INTO council_decisions …", new SQLException(
                "ERROR: new row violates row-level security policy for table \"council_decisions\"", "42501"));

        var answer = advice.unexpected(refused);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().getDetail()).contains("nothing was changed").doesNotContain("council_decisions");
    }

    @Test
    void aMissingGrantIsStillTheServersFault() {
        var missing = translator.translate("select", "SELECT …", new SQLException(
                "ERROR: permission denied for table agents", "42501"));

        assertThat(advice.unexpected(missing).getStatusCode().value()).isEqualTo(500);
    }
}
