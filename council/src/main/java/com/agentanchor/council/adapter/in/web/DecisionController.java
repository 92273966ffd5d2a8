package com.agentanchor.council.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.council.application.port.in.CastVote;
import com.agentanchor.council.application.port.in.CouncilVoting;
import com.agentanchor.council.application.port.in.DecisionNotFound;
import com.agentanchor.council.application.port.in.DecisionRequests;
import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.Vote;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/council/decisions")
class DecisionController {

    private final DecisionRequests requests;
    private final CouncilVoting council;

    DecisionController(DecisionRequests requests, CouncilVoting council) {
        this.requests = requests;
        this.council = council;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DecisionView> request(ProfileId caller, @Valid @RequestBody NewDecision body) {
        var decision = requests.request(caller, body.toCommand());
        return ResponseEntity.status(HttpStatus.CREATED).body(decision);
    }

    @GetMapping
    @Operation(summary = "Decision history, newest first",
            description = "The decisions you may see: about your own agents, about active agents, and every one if "
                    + "you are a validator (row-level security decides). agentId keeps one agent's, status one "
                    + "status (pending, approved, rejected, escalated, overridden). Pass a page's next as before for "
                    + "the older ones.")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    KeysetPage<DecisionView> history(@RequestParam(required = false) UUID agentId,
            @RequestParam(required = false) DecisionStatus status,
            @RequestParam(required = false) @Size(max = 300) String before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return requests.history(agentId, status, before, limit);
    }

    /** What waits for validators, newest first; others see only the requests they may see anyway. */
    @GetMapping("/pending")
    List<DecisionView> pending(@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return council.pending(limit);
    }

    @GetMapping("/{id}")
    DecisionView get(@PathVariable UUID id) {
        return requests.find(id).orElseThrow(() -> new DecisionNotFound(id));
    }

    @PostMapping("/{id}/votes")
    DecisionView vote(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody NewVote body) {
        return council.vote(caller, id, body.toCommand());
    }

    /** The agent's owner overrules the council's verdict about it, with a reason. */
    @PostMapping("/{id}/override")
    DecisionView override(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return requests.override(caller, id, body.reason());
    }

    /** A platform admin's sign-off of an escalated critical request ("unanimous + human"), with a reason. */
    @PostMapping("/{id}/sign-off")
    DecisionView signOff(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return requests.signOff(caller, id, body.reason());
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

    record Reason(@NotBlank @Size(max = 2_000) String reason) {
    }

    record NewVote(
            @NotNull @Pattern(regexp = "for|against|abstain", message = "must be for, against or abstain") String vote,
            @Size(max = 2_000) String reason) {

        CastVote toCommand() {
            return new CastVote(Vote.ofWireName(vote), reason);
        }
    }
}
