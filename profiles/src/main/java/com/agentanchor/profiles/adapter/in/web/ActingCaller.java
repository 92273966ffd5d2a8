package com.agentanchor.profiles.adapter.in.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import com.agentanchor.platform.refusal.Refusal;
import com.agentanchor.platform.security.Admins;
import com.agentanchor.platform.security.Caller;
import com.agentanchor.platform.web.ProblemResponses;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileProvisioning;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After the token is verified: finds (or, on first sight, creates) the caller's profile and acts for it for the
 * rest of the request, so every transaction carries the caller to row-level security.
 */
@Component
class ActingCaller implements Caller {

    /** Where controllers' {@code ProfileId} parameters come from. */
    static final String PROFILE_ATTRIBUTE = ProfileId.class.getName();

    private static final int REMEMBERED_SUBJECTS = 10_000;

    private final ProfileProvisioning provisioning;
    private final ProblemResponses problems;
    private final Admins admins;
    // Profiles are never deleted through the app, so a subject's profile id does not change once known.
    private final Map<String, ProfileId> known = new ConcurrentHashMap<>();

    ActingCaller(ProfileProvisioning provisioning, ProblemResponses problems, Admins admins) {
        this.provisioning = provisioning;
        this.problems = problems;
        this.admins = admins;
    }

    @Override
    public void actFor(Jwt token, HttpServletRequest request, HttpServletResponse response, FilterChain rest)
            throws IOException, ServletException {
        ProfileId profile;
        try {
            profile = profileOf(token);
        } catch (Refusal refused) { // a missing or taken email; MVC's problem mapping does not reach filters
            problems.write(response, refused);
            return;
        }
        request.setAttribute(PROFILE_ATTRIBUTE, profile);
        try (var acting = ActingProfile.enter(profile, admins.isAdmin(token))) {
            rest.doFilter(request, response);
        }
    }

    private ProfileId profileOf(Jwt jwt) {
        var profile = known.get(jwt.getSubject());
        if (profile == null) {
            profile = provisioning.provision(new AuthenticatedSubject(jwt.getSubject(),
                    jwt.getClaimAsString("email"), jwt.getClaimAsString("name")));
            if (known.size() >= REMEMBERED_SUBJECTS) {
                known.clear();
            }
            known.put(jwt.getSubject(), profile);
        }
        return profile;
    }
}
