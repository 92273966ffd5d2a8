package com.agentanchor.platform.security;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Hands every request whose bearer token verified to the {@link Caller}; anonymous requests pass untouched. */
class CallerFilter extends OncePerRequestFilter {

    private final Caller caller;

    CallerFilter(Caller caller) {
        this.caller = caller;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            caller.actFor(token.getToken(), request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }
}
