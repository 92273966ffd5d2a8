package com.agentanchor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.agentanchor.platform.refusal.Refusal;

class ProblemResponsesTests {

    private static Refusal.Invalid invalid(String field, String message) {
        return new Refusal.Invalid(field, message) {
        };
    }

    @Test
    void theDetailNamesTheFieldOnce() {
        assertThat(ProblemResponses.of(invalid("limit", "limit: must be 1 to 200")).getDetail())
                .isEqualTo("limit: must be 1 to 200");
        assertThat(ProblemResponses.of(invalid("riskLevel", "riskLevel must be 0 to 4")).getDetail())
                .isEqualTo("riskLevel: must be 0 to 4");
        assertThat(ProblemResponses.of(invalid("after", "not a cursor of this list")).getDetail())
                .isEqualTo("after: not a cursor of this list");
        // A message that only begins with the field's letters does not name it.
        assertThat(ProblemResponses.of(invalid("id", "identifiers are UUIDs")).getDetail())
                .isEqualTo("id: identifiers are UUIDs");
    }

    @Test
    void theFieldAndItsMessageAreListedAsErrors() {
        var problem = ProblemResponses.of(invalid("riskLevel", "riskLevel must be 0 to 4"));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new ProblemDetailsAdvice.FieldProblem("riskLevel", "must be 0 to 4")));
    }
}
