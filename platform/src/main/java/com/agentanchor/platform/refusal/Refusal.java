package com.agentanchor.platform.refusal;

/**
 * A use case saying no to what a client asked: the request was understood and nothing was changed. Every module's
 * refusals extend one of the four kinds below, which the web layer maps once to a status and RFC 9457 problem
 * details; a refusal's title names it for people, its message says what was wrong.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.NotAllowed, Refusal.Conflict, Refusal.Invalid {

    private final String title;

    private Refusal(String title, String detail) {
        super(detail, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
        this.title = title;
    }

    /** The problem's title: the same for every refusal of one kind, e.g. "Agent not found". */
    public String title() {
        return title;
    }

    /** What was asked for does not exist, or the caller may not know that it does (404). */
    public abstract static non-sealed class NotFound extends Refusal {
        protected NotFound(String title, String detail) {
            super(title, detail);
        }
    }

    /** The caller is known but may not do this (403). */
    public abstract static non-sealed class NotAllowed extends Refusal {
        protected NotAllowed(String title, String detail) {
            super(title, detail);
        }
    }

    /** Not in the state it is in now: not ready yet, decided already, a duplicate (409). */
    public abstract static non-sealed class Conflict extends Refusal {
        protected Conflict(String title, String detail) {
            super(title, detail);
        }
    }

    /** A value the request carried is not acceptable; names the field or parameter (400). */
    public abstract static non-sealed class Invalid extends Refusal {

        private final String field;

        protected Invalid(String field, String detail) {
            super("Invalid request", detail);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** "field: reason": how a problem's detail and an OTLP partial success name what was refused. */
        public String fieldAndReason() {
            return field + ": " + getMessage();
        }
    }
}
