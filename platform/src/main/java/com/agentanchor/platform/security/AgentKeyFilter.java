package com.agentanchor.platform.security;

import java.io.IOException;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Bearer aak_…} requests as their agent, before the JWT filter (which skips such tokens, see
 * {@link SecurityConfiguration}). An unknown or revoked key is a 401 at once: the request goes no further.
 */
class AgentKeyFilter extends OncePerRequestFilter {

    private static final String BEARER_KEY = "Bearer " + AgentKeys.PREFIX;

    private final AgentKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    AgentKeyFilter(AgentKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (!carriesKey(header)) {
            chain.doFilter(request, response);
            return;
        }
        var agent = keys.agentOf(header.substring("Bearer ".length()).strip());
        if (agent.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("The agent key is unknown or revoked"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AgentAuthentication(agent.get()));
        SecurityContextHolder.setContext(context);
        keys.actFor(agent.get(), request, response, chain);
    }

    /** An {@code Authorization} header in the form this filter authenticates (or refuses) itself. */
    static boolean carriesKey(String header) {
        return header != null && header.startsWith(BEARER_KEY);
    }
}
