package com.agentanchor.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Which verified tokens speak for a platform admin: the subjects listed in {@code AGENTANCHOR_ADMIN_SUBJECTS}
 * (comma-separated {@code sub} values), and, when {@code AGENTANCHOR_ADMIN_CLAIM} names a claim path such as
 * Supabase's {@code app_metadata.role}, tokens whose claim there says {@code admin} (or lists it). With development
 * tokens, {@value #DEV_ADMIN} is an admin too, so the demo works with no setup; anyone may mint any development
 * token anyway.
 */
@Component
public class Admins {

    public static final String DEV_ADMIN = "dev-admin";

    private final Set<String> subjects;
    private final String[] claimPath;

    Admins(@Value("${agentanchor.admin.subjects:}") String subjects, @Value("${agentanchor.admin.claim:}") String claim,
            ObjectProvider<LocalTokens> localTokens) {
        this.subjects = Arrays.stream(subjects.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(HashSet::new));
        if (localTokens.getIfAvailable() != null) {
            this.subjects.add(DEV_ADMIN);
        }
        this.claimPath = claim.isBlank() ? new String[0] : claim.strip().split("\\.");
    }

    public boolean isAdmin(Jwt token) {
        return subjects.contains(token.getSubject()) || claimSaysAdmin(token.getClaims());
    }

    private boolean claimSaysAdmin(Map<String, Object> claims) {
        if (claimPath.length == 0) {
            return false;
        }
        Object value = claims;
        for (var step : claimPath) {
            if (!(value instanceof Map<?, ?> map)) {
                return false;
            }
            value = map.get(step);
        }
        return "admin".equals(value) || value instanceof Collection<?> values && values.contains("admin");
    }
}
