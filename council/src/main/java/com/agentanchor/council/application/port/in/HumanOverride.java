package com.agentanchor.council.application.port.in;

import java.util.UUID;

/**
 * The agent's owner overruled the council: who ({@code null} once their profile is deleted; the truth chain keeps
 * them), why, and which verdict of the council they overrode ({@code approved} or {@code rejected}).
 */
public record HumanOverride(UUID by, String reason, String overriddenVerdict) {
}
