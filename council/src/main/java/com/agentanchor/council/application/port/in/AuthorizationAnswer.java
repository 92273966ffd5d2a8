package com.agentanchor.council.application.port.in;

import java.util.UUID;

/**
 * {@code decision} is allow, deny or require_approval; {@code decisionId} names the check, or the council decision
 * to wait for when approval is required; {@code status} is that decision's status (null for checks the agent's
 * own autonomy answered).
 */
public record AuthorizationAnswer(String decision, String reason, UUID decisionId, String status) {
}
