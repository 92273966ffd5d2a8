package com.agentanchor.profiles.domain;

/** What a person does on the platform; the database enum {@code user_role}. */
public enum UserRole {
    trainer, consumer, both
}
