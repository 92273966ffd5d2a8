/** HTTP for agents: {@code /api/agents}. */
@PrimaryAdapter
package com.agentanchor.agents.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
