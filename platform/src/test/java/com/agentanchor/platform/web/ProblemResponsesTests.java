package com.agentanchor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.agentanchor.platform.refusal.Refusal;

class ProblemResponsesTests {

    @Test
    void anInvalidRequestNamesItsFieldOnceAndListsIt() {
        var problem = ProblemResponses.of(new Refusal.Invalid("riskLevel", "must be 0 to 4") {
        });
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("riskLevel: must be 0 to 4");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new ProblemDetailsAdvice.FieldProblem("riskLevel", "must be 0 to 4")));
    }
}
