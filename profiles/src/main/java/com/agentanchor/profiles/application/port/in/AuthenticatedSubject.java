package com.agentanchor.profiles.application.port.in;

/** Who a verified token says the caller is: the issuer's subject, and the email and name it vouches for. */
public record AuthenticatedSubject(String subject, String email, String name) {

    public AuthenticatedSubject {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token subject is required");
        }
    }
}
