package com.agentanchor.council.domain;

/** A validator's vote; written in lower case ({@code for}, {@code against}, {@code abstain}) as the origin did. */
public enum Vote {
    FOR, AGAINST, ABSTAIN;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Vote ofWireName(String name) {
        return valueOf(name.toUpperCase());
    }
}
