package com.agentanchor.platform.security;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Agents' own API keys, sent as {@code Authorization: Bearer aak_…} (the header OTLP exporters send too). The
 * platform tells them from JWTs by their {@link #PREFIX}, but does not know what a key is; the module that issues
 * them (agents) declares one bean of this type. A request with a live key is authenticated as that agent
 * ({@link AgentAuthentication}, role {@code AGENT}): it may call the agents' endpoints and nothing made for users.
 */
public interface AgentKeys {

    String PREFIX = "aak_";

    /** The agent a live key belongs to; empty for a key that is unknown or revoked. */
    Optional<UUID> agentOf(String key);

    /** Acts for {@code agent} while {@code rest} runs, so every transaction carries it to row-level security. */
    void actFor(UUID agent, HttpServletRequest request, HttpServletResponse response, FilterChain rest)
            throws IOException, ServletException;
}
