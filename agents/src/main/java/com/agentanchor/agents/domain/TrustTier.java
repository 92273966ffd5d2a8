package com.agentanchor.agents.domain;

/**
 * The trust ladder. Mirrors the database's {@code get_trust_tier(int)}; a test holds both to the same boundaries.
 */
public enum TrustTier {
    UNTRUSTED("Untrusted", 0),
    PROVISIONAL("Provisional", 200),
    ESTABLISHED("Established", 400),
    TRUSTED("Trusted", 600),
    HIGHLY_TRUSTED("Highly Trusted", 800),
    ELITE("Elite", 900);

    private final String label;
    private final int floor;

    TrustTier(String label, int floor) {
        this.label = label;
        this.floor = floor;
    }

    public static TrustTier of(int score) {
        var tiers = values();
        for (int i = tiers.length - 1; i > 0; i--) {
            if (score >= tiers[i].floor) {
                return tiers[i];
            }
        }
        return UNTRUSTED;
    }

    public int level() {
        return ordinal();
    }

    public String label() {
        return label;
    }
}
