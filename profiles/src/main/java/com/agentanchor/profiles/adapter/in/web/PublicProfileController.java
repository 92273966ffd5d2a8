package com.agentanchor.profiles.adapter.in.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.PublicProfileView;
import com.agentanchor.profiles.application.port.in.PublicProfiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code /api/profiles/{id}}: anyone's public page, the storefront. ({@code /me} is {@link ProfileController}.) */
@RestController
class PublicProfileController {

    private final PublicProfiles profiles;

    PublicProfileController(PublicProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/profiles/{id}")
    @Operation(summary = "A profile's public page (storefront)", description = """
            Anyone's profile as everyone sees it: fullName, avatarUrl, storefrontName, storefrontBio, memberSince, \
            their agents in public view (active) and their active listings, newest first (up to 50 of each). Never \
            the email or the token subject.""")
    @ApiResponse(responseCode = "200", description = "The public page")
    @ApiResponse(responseCode = "404", description = "No such profile")
    PublicProfileView publicProfile(@PathVariable UUID id) {
        return profiles.publicProfile(new ProfileId(id));
    }
}
