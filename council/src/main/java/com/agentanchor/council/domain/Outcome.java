package com.agentanchor.council.domain;

/** Where the votes leave a decision; the names are the database's {@code decision_status} values. */
public enum Outcome {
    pending, approved, rejected;

    public boolean decided() {
        return this != pending;
    }
}
