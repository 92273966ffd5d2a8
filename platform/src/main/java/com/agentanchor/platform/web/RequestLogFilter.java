package com.agentanchor.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One line per request, with a request id that is echoed in {@code X-Request-Id} and tagged on every log line
 * written while serving it. It runs before security, so rejected requests are logged too. Only the method, the
 * path (never the query string) and the outcome are written: nothing a client sent as a secret. A health probe
 * that succeeds is not written: orchestrators ask every few seconds, and a line each would bury the requests people
 * look for (a failing probe is written like any other request).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String HEALTH = "/actuator/health";
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger("com.agentanchor.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var offered = request.getHeader(HEADER);
        var id = offered != null && ACCEPTABLE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        try (var tag = MDC.putCloseable("requestId", id)) {
            chain.doFilter(request, response);
        } finally {
            if (!healthyProbe(request, response)) {
                try (var tag = MDC.putCloseable("requestId", id)) {
                    log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
    }

    private static boolean healthyProbe(HttpServletRequest request, HttpServletResponse response) {
        return response.getStatus() < 400 && request.getRequestURI().startsWith(HEALTH);
    }
}
