package com.agentanchor.council.application.port.in;

import java.util.Map;

/** "May I?": the action in the agent's words, its risk level (0 to 4), and whatever context it gives. */
public record AuthorizationRequest(String action, Integer riskLevel, Map<String, Object> context) {
}
