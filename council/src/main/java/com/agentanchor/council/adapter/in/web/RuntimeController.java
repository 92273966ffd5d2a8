package com.agentanchor.council.adapter.in.web;

import java.time.Duration;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.council.application.port.in.AuthorizationAnswer;
import com.agentanchor.council.application.port.in.AuthorizationRequest;
import com.agentanchor.council.application.port.in.InvalidAuthorizationRequest;
import com.agentanchor.council.application.port.in.RuntimeAuthorization;

import io.swagger.v3.oas.annotations.Operation;

/** Agents, with their own keys (Authorization: Bearer aak_…), ask before they act. */
@RestController
@RequestMapping("/api/runtime")
class RuntimeController {

    private final RuntimeAuthorization authorization;
    private final DecisionWaits waits;

    RuntimeController(RuntimeAuthorization authorization, DecisionWaits waits) {
        this.authorization = authorization;
        this.waits = waits;
    }

    @PostMapping("/authorize")
    @Operation(summary = "May I? (agents only)", description = "allow when the risk level is within what the "
            + "agent's trust tier lets it do alone; require_approval above that, with the id of the council decision "
            + "to wait for; deny when the agent is not active.")
    AuthorizationAnswer authorize(CallingAgent agent, @RequestBody AuthorizationRequest request) {
        return authorization.authorize(agent, request);
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "Where a request for approval stands (agents only)", description = "With waitSeconds (up "
            + "to 30), answers as soon as the council decides, or with the decision still pending when the time is up. "
            + "An agent suspended or retired since it asked is denied, whatever the council decided or decides.")
    DeferredResult<AuthorizationAnswer> decision(CallingAgent agent, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > RuntimeAuthorization.MAX_WAIT.toSeconds()) {
            throw new InvalidAuthorizationRequest("waitSeconds",
                    "must be 0 to " + RuntimeAuthorization.MAX_WAIT.toSeconds());
        }
        return waits.await(agent, id, Duration.ofSeconds(waitSeconds));
    }
}
