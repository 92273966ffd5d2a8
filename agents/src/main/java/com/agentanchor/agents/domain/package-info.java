/** Agents, their lifecycle status, trust score and tier. No Spring here. */
package com.agentanchor.agents.domain;
