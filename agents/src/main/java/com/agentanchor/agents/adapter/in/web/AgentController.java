package com.agentanchor.agents.adapter.in.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentEditing;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.AgentPage;
import com.agentanchor.agents.application.port.in.AgentRegistration;
import com.agentanchor.agents.application.port.in.AgentRevision;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.RegisterAgent;
import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;
import com.agentanchor.profiles.application.port.in.ProfileId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/agents")
class AgentController {

    private final AgentRegistration registration;
    private final AgentCatalog catalog;
    private final AgentEditing editing;

    AgentController(AgentRegistration registration, AgentCatalog catalog, AgentEditing editing) {
        this.registration = registration;
        this.catalog = catalog;
        this.editing = editing;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AgentView> register(ProfileId caller, @Valid @RequestBody NewAgent body) {
        var agent = registration.register(caller, body.toCommand());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(agent.id()).toUri();
        return ResponseEntity.created(location).body(agent);
    }

    @GetMapping
    AgentPage list(ProfileId caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return catalog.visibleTo(caller, page, size);
    }

    @GetMapping("/{id}")
    AgentView get(ProfileId caller, @PathVariable UUID id) {
        var agentId = new AgentId(id);
        return catalog.find(caller, agentId).orElseThrow(() -> new AgentNotFound(agentId));
    }

    @PatchMapping("/{id}")
    AgentView revise(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody AgentPatch body) {
        return editing.revise(caller, new AgentId(id), body.toRevision());
    }

    record NewAgent(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 5_000) String description,
            @Size(max = 100_000) String systemPrompt,
            @Size(max = 100) @Pattern(regexp = "^\\S*$", message = "must not contain spaces") String model,
            @Valid AgentConfig config,
            @Valid AgentMetadata metadata) {

        RegisterAgent toCommand() {
            return new RegisterAgent(name, description, systemPrompt, model, config, metadata);
        }
    }

    /** Absent or null fields stay as they are; an empty string clears the description or the prompt. */
    record AgentPatch(
            @Pattern(regexp = "^(?s).*\\S.*$", message = "must not be blank") @Size(max = 200) String name,
            @Size(max = 5_000) String description,
            @Size(max = 100_000) String systemPrompt,
            @Size(min = 1, max = 100) @Pattern(regexp = "^\\S*$", message = "must not contain spaces") String model,
            @Valid AgentConfig config,
            @Valid AgentMetadata metadata) {

        AgentRevision toRevision() {
            return new AgentRevision(name, description, systemPrompt, model, config, metadata);
        }
    }
}
