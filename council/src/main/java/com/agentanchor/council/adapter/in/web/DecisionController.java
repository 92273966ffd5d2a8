package com.agentanchor.council.adapter.in.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.council.application.port.in.AgentNotYours;
import com.agentanchor.council.application.port.in.DecisionRequests;
import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.profiles.application.port.in.ProfileId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/council/decisions")
class DecisionController {

    private final DecisionRequests requests;

    DecisionController(DecisionRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DecisionView> request(ProfileId caller, @Valid @RequestBody NewDecision body) {
        var decision = requests.request(caller, body.toCommand());
        return ResponseEntity.status(HttpStatus.CREATED).body(decision);
    }

    @ExceptionHandler
    ProblemDetail notYours(AgentNotYours e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Agent not found");
        return problem;
    }

    record NewDecision(
            @NotNull UUID agentId,
            @NotNull DecisionType decisionType,
            @NotNull @Min(0) @Max(4) Integer riskLevel,
            @NotBlank @Size(max = 2_000) String subjectAction) {

        RequestDecision toCommand() {
            return new RequestDecision(agentId, decisionType, riskLevel, subjectAction);
        }
    }
}
