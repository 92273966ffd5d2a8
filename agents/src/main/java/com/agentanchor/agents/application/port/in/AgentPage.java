package com.agentanchor.agents.application.port.in;

import java.util.List;

/** One page of agents, newest first. No total: counting under row-level security costs a scan. */
public record AgentPage(List<AgentView> items, int page, int size, boolean hasNext) {
}
