package com.agentanchor.platform.database;

/** A database URL from the environment that cannot be used; start-up reports it in one sentence. */
class InvalidDatabaseUrl extends RuntimeException {

    private final String variable;

    InvalidDatabaseUrl(String variable, String reason) {
        super(variable + " is not a usable PostgreSQL URL: " + reason + ".");
        this.variable = variable;
    }

    String variable() {
        return variable;
    }
}
