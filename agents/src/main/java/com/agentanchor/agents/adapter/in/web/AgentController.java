package com.agentanchor.agents.adapter.in.web;

import java.util.Arrays;
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
import com.agentanchor.agents.application.port.in.AgentQuery;
import com.agentanchor.agents.application.port.in.AgentRetirement;
import com.agentanchor.agents.application.port.in.InvalidAgentQuery;
import com.agentanchor.agents.application.port.in.TrustChangeView;
import com.agentanchor.agents.application.port.in.TrustHistory;
import com.agentanchor.agents.application.port.in.AgentRegistration;
import com.agentanchor.agents.application.port.in.AgentRevision;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.RegisterAgent;
import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final TrustHistory history;
    private final AgentRetirement retirement;

    AgentController(AgentRegistration registration, AgentCatalog catalog, AgentEditing editing, TrustHistory history,
            AgentRetirement retirement) {
        this.registration = registration;
        this.catalog = catalog;
        this.editing = editing;
        this.history = history;
        this.retirement = retirement;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AgentView> register(ProfileId caller, @Valid @RequestBody NewAgent body) {
        var agent = registration.register(caller, body.toCommand());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(agent.id()).toUri();
        return ResponseEntity.created(location).body(agent);
    }

    @GetMapping
    @Operation(summary = "The agents you may see: your own and every active one, newest first",
            description = "Filters narrow that: owner=me keeps yours; status one of draft, training, examination, "
                    + "active, suspended, retired; q a part of the name or description (case-insensitive); category "
                    + "and tag those of the metadata. Page by page and size, or by keyset: pass a page's next as "
                    + "after for the following page (after wins over page; keyset pages neither skip nor repeat "
                    + "agents registered meanwhile).")
    @ApiResponse(responseCode = "200", description = "{items, page, size, hasNext, next}; next is null on the last page")
    AgentPage list(ProfileId caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "me: only your own agents") @RequestParam(required = false) String owner,
            @Parameter(description = "draft, training, examination, active, suspended or retired")
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String category,
            @RequestParam(required = false) @Size(max = 50) String tag,
            @RequestParam(required = false) @Size(max = 300) String after) {
        if (owner != null && !"me".equals(owner)) {
            throw new InvalidAgentQuery("owner", "must be me (only your own agents can be asked for by owner)");
        }
        return catalog.visibleTo(caller, new AgentQuery(owner != null, status == null ? null : status(status), q,
                category, tag, after, page, size));
    }

    @GetMapping("/{id}/trust-history")
    @Operation(summary = "How the agent's trust came to be: its trust changes, newest first",
            description = "Each change with the score before and after, its source (council_decision, examination, "
                    + "behavior_analysis, …), reason and what caused it (referenceType, referenceId). For whoever may "
                    + "see the agent. Pass a page's next as before for the older changes.")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    KeysetPage<TrustChangeView> trustHistory(@PathVariable UUID id,
            @RequestParam(required = false) @Size(max = 300) String before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return history.of(new AgentId(id), before, limit);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire your agent, for good",
            description = "Its status becomes retired and retiredAt is set; nothing brings it back. Its marketplace "
                    + "listings retire and their active commissions and enterprise locks end (clones stay their "
                    + "buyers'); its open academy enrollment ends as withdrawn, under examination too; its pending "
                    + "council requests lapse (rejected, no trust moved); its keys still report but are denied "
                    + "everything they ask.")
    @ApiResponse(responseCode = "200", description = "The agent, retired")
    @ApiResponse(responseCode = "403", description = "You see the agent (it is active) but it is not yours")
    @ApiResponse(responseCode = "409", description = "It is retired already")
    AgentView retire(ProfileId caller, @PathVariable UUID id) {
        return retirement.retire(caller, new AgentId(id));
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

    private static AgentStatus status(String name) {
        try {
            return AgentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidAgentQuery("status", "must be one of " + Arrays.toString(AgentStatus.values()));
        }
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
