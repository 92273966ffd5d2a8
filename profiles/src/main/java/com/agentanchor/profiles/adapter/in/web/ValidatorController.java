package com.agentanchor.profiles.adapter.in.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.profiles.application.port.in.CouncilMembership;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ValidatorView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code /api/council/validators}: the council's seats. The credential belongs to the profile (who someone is and
 * what they may do), so profiles serves it, under the council's path where the web app looks for it.
 */
@RestController
@RequestMapping("/api/council/validators")
class ValidatorController {

    private final CouncilMembership council;

    ValidatorController(CouncilMembership council) {
        this.council = council;
    }

    @GetMapping
    List<ValidatorView> validators(ProfileId caller) {
        return council.validators();
    }

    @PostMapping
    @Operation(summary = "Seat a profile on the council (platform admins only)")
    @ApiResponse(responseCode = "201", description = "Seated")
    @ApiResponse(responseCode = "200", description = "Sat there already: the seat it holds, nothing recorded again")
    ResponseEntity<ValidatorView> appoint(ProfileId caller, @Valid @RequestBody Candidate candidate) {
        var appointment = council.appoint(caller, new ProfileId(candidate.profileId()));
        var seat = appointment.seat();
        return appointment.seatedNow()
                ? ResponseEntity.created(URI.create("/api/council/validators/" + seat.profileId())).body(seat)
                : ResponseEntity.ok(seat);
    }

    @DeleteMapping("/{profileId}")
    @Operation(summary = "Take a validator off the council (platform admins only)")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    ResponseEntity<Void> dismiss(ProfileId caller, @PathVariable UUID profileId) {
        council.dismiss(caller, new ProfileId(profileId));
        return ResponseEntity.noContent().build();
    }

    record Candidate(@NotNull UUID profileId) {
    }
}
