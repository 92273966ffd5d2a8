package com.agentanchor.profiles.domain;

/** The paid plan; set by billing, never by the user through the profile API. */
public enum SubscriptionTier {
    free, pro, enterprise
}
