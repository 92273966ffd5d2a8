package com.agentanchor.agents.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentKeyIssuing;
import com.agentanchor.agents.application.port.in.AgentKeyView;
import com.agentanchor.agents.application.port.in.IssuedAgentKey;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/agents/{agentId}/keys")
class AgentKeyController {

    private final AgentKeyIssuing keys;

    AgentKeyController(AgentKeyIssuing keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give the agent a key to act as itself",
            description = "The owner only. The key (aak_…) is in this response and nowhere else, ever: the platform "
                    + "keeps only its hash. The agent sends it as Authorization: Bearer aak_….")
    ResponseEntity<IssuedAgentKey> issue(ProfileId caller, @PathVariable UUID agentId,
            @Valid @RequestBody NewKey body) {
        var issued = keys.issue(caller, new AgentId(agentId), body.name().strip());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(issued.id())
                .toUri();
        return ResponseEntity.created(location).body(issued);
    }

    @GetMapping
    @Operation(summary = "The agent's keys, newest first, without their secrets (the owner only)")
    List<AgentKeyView> list(ProfileId caller, @PathVariable UUID agentId) {
        return keys.keys(caller, new AgentId(agentId));
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: from this moment it authenticates nothing (the owner only)")
    void revoke(ProfileId caller, @PathVariable UUID agentId, @PathVariable UUID keyId) {
        keys.revoke(caller, new AgentId(agentId), keyId);
    }

    record NewKey(@NotBlank @Size(max = 100) String name) {
    }
}
