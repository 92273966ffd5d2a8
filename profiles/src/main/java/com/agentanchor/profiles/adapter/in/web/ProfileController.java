package com.agentanchor.profiles.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileManagement;
import com.agentanchor.profiles.application.port.in.ProfileRevision;
import com.agentanchor.profiles.application.port.in.ProfileView;
import com.agentanchor.profiles.domain.NotificationPreferences;
import com.agentanchor.profiles.domain.UserRole;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/profiles/me")
class ProfileController {

    private final ProfileManagement profiles;

    ProfileController(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    ProfileView me(ProfileId caller) {
        return profiles.current(caller);
    }

    @PatchMapping
    ProfileView revise(ProfileId caller, @Valid @RequestBody ProfilePatch patch) {
        return profiles.revise(caller, patch.toRevision());
    }

    /**
     * The right to erasure: the caller's profile goes, with their agents (and what is about them), listings,
     * acquisitions and their private fields on the truth chain, whose records stay and still verify.
     */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(ProfileId caller) {
        profiles.delete(caller);
    }

    /** Absent or null fields stay as they are; an empty string clears an optional text. */
    record ProfilePatch(
            @Size(max = 200) String fullName,
            @Size(max = 2048) @Pattern(regexp = "^$|^https://\\S+$", message = "must be an https URL") String avatarUrl,
            UserRole role,
            @Valid Preferences notificationPreferences,
            @Size(max = 100) String storefrontName,
            @Size(max = 2000) String storefrontBio) {

        ProfileRevision toRevision() {
            return new ProfileRevision(fullName, avatarUrl, role,
                    notificationPreferences == null ? null : notificationPreferences.toDomain(),
                    storefrontName, storefrontBio);
        }
    }

    record Preferences(
            boolean email,
            boolean inApp,
            boolean webhook,
            @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String webhookUrl) {

        @AssertTrue(message = "webhookUrl is required when webhook is true")
        boolean isWebhookUrl() {
            return !webhook || webhookUrl != null;
        }

        @AssertTrue(message = NotificationPreferences.RULE)
        boolean isWebhookUrlWellFormed() {
            return webhookUrl == null || NotificationPreferences.isWebhookUrl(webhookUrl);
        }

        NotificationPreferences toDomain() {
            return new NotificationPreferences(email, inApp, webhook, webhookUrl);
        }
    }
}
