package com.agentanchor.agents.application.port.in;

import java.util.List;

/**
 * One page of agents, newest first. No total: counting under row-level security costs a scan. {@code next} is the
 * opaque cursor to pass as {@code after} for the following page (null on the last); {@code page} and {@code hasNext}
 * serve the clients that page by number.
 */
public record AgentPage(List<AgentView> items, int page, int size, boolean hasNext, String next) {
}
