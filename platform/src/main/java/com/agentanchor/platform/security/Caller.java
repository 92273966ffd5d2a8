package com.agentanchor.platform.security;

import java.io.IOException;

import org.springframework.security.oauth2.jwt.Jwt;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who a verified token speaks for. The platform verifies bearer tokens but does not know what a caller is; the module
 * that does (profiles) declares one bean of this type, and the security chain calls it right after a token verifies,
 * once per request, around the rest of the request.
 */
@FunctionalInterface
public interface Caller {

    /** Finds (or provisions) the caller {@code token} names and acts for it while {@code rest} runs. */
    void actFor(Jwt token, HttpServletRequest request, HttpServletResponse response, FilterChain rest)
            throws IOException, ServletException;
}
