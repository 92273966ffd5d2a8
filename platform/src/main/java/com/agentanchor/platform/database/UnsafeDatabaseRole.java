package com.agentanchor.platform.database;

/** The pool's role could read past row-level security; the app refuses to run that way. */
class UnsafeDatabaseRole extends RuntimeException {

    UnsafeDatabaseRole(String message) {
        super(message);
    }
}
