package com.agentanchor.agents.application.port.out;

/** A trust score before and after a change, as the database clamped it. */
public record TrustMove(int previousScore, int newScore) {
}
