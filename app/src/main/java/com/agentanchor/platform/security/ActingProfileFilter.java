package com.agentanchor.platform.security;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.agentanchor.platform.web.ProblemResponses;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.in.EmailAlreadyTaken;
import com.agentanchor.profiles.application.port.in.MissingEmail;
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
class ActingProfileFilter extends OncePerRequestFilter {

    /** Where controllers' {@code ProfileId} parameters come from. */
    static final String PROFILE_ATTRIBUTE = ProfileId.class.getName();

    private static final int REMEMBERED_SUBJECTS = 10_000;

    private final ProfileProvisioning provisioning;
    private final ProblemResponses problems;
    // Profiles are never deleted through the app, so a subject's profile id does not change once known.
    private final Map<String, ProfileId> known = new ConcurrentHashMap<>();

    ActingProfileFilter(ProfileProvisioning provisioning, ProblemResponses problems) {
        this.provisioning = provisioning;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        ProfileId profile;
        try {
            profile = profileOf(token);
        } catch (EmailAlreadyTaken e) {
            problems.write(response, HttpStatus.CONFLICT, "Email already taken", e.getMessage());
            return;
        } catch (MissingEmail e) {
            problems.write(response, HttpStatus.FORBIDDEN, "No email in token", e.getMessage());
            return;
        }
        request.setAttribute(PROFILE_ATTRIBUTE, profile);
        try (var acting = ActingProfile.enter(profile)) {
            chain.doFilter(request, response);
        }
    }

    private ProfileId profileOf(JwtAuthenticationToken token) {
        var jwt = token.getToken();
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
