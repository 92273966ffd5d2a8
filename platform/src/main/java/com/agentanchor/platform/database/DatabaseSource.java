package com.agentanchor.platform.database;

/**
 * Which variable named the database, remembered for the failure analyzer: start-up failures name the variable to
 * fix, not a driver's stack trace.
 */
final class DatabaseSource {

    private static volatile String description = "the database";

    private DatabaseSource() {
    }

    static void describe(String variable, String location) {
        description = "the database named by " + variable + " (" + location + ")";
    }

    static String description() {
        return description;
    }
}
