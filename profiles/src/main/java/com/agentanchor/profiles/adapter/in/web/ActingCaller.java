package com.agentanchor.profiles.adapter.in.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.platform.refusal.Refusal;
import com.agentanchor.platform.security.Admins;
import com.agentanchor.platform.security.Caller;
import com.agentanchor.platform.web.ProblemResponses;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileProvisioning;
import com.agentanchor.profiles.events.ProfileDeleted;

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
    /** How long another instance may act for a profile deleted through this one (each forgets its own at once). */
    private static final long REMEMBERED_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ProfileProvisioning provisioning;
    private final ProblemResponses problems;
    private final Admins admins;
    // A subject's profile id changes only when the profile is deleted (signing in again makes a new one): this
    // instance forgets it then; a deletion through another instance is caught up with after a minute.
    private final Map<String, Known> known = new ConcurrentHashMap<>();

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
            problems.write(request, response, refused);
            return;
        }
        request.setAttribute(PROFILE_ATTRIBUTE, profile);
        try (var acting = ActingProfile.enter(profile, admins.isAdmin(token))) {
            rest.doFilter(request, response);
        }
    }

    private ProfileId profileOf(Jwt jwt) {
        var remembered = known.get(jwt.getSubject());
        long now = System.nanoTime();
        if (remembered != null && now - remembered.since() < REMEMBERED_NANOS) {
            return remembered.profile();
        }
        var profile = provisioning.provision(new AuthenticatedSubject(jwt.getSubject(),
                jwt.getClaimAsString("email"), jwt.getClaimAsString("name")));
        if (known.size() >= REMEMBERED_SUBJECTS) {
            known.clear();
        }
        known.put(jwt.getSubject(), new Known(profile, now));
        return profile;
    }

    /** Once the deletion is committed: a request before it still acted for the profile, one after makes a new one. */
    @TransactionalEventListener
    void on(ProfileDeleted deleted) {
        known.values().removeIf(k -> k.profile().value().equals(deleted.profileId()));
    }

    private record Known(ProfileId profile, long since) {
    }
}
