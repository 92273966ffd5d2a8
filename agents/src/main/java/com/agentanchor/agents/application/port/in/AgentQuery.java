package com.agentanchor.agents.application.port.in;

import com.agentanchor.agents.domain.AgentStatus;

/**
 * Which of the agents a user may see to list: {@code mine} keeps their own, the rest narrow further when set
 * ({@code q} matches name or description, case-insensitive; {@code category} and {@code tag} the metadata's).
 * Paged by {@code page} and {@code size}, or by keyset from {@code after}, the {@code next} of an earlier page.
 */
public record AgentQuery(boolean mine, AgentStatus status, String q, String category, String tag, String after,
        int page, int size) {
}
