package com.agentanchor.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import com.agentanchor.platform.web.ProblemResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages that may call the API from a browser: the web app's origins ({@code AGENTANCHOR_WEB_ALLOWED_ORIGINS},
 * comma-separated; the Next.js development server by default). Preflights are answered before authentication, since
 * browsers send them without the token. With bearer tokens and no cookies, a cross-origin request carries only what
 * its page put there itself, so credentials stay off and the list only says which pages may read the answers. A
 * preflight from any other origin is refused (403, problem details), so its page never sends the request itself
 * (every call with a token, or with a JSON body, is preflighted). A request that needs no preflight is served without
 * CORS headers, which keeps its answer from a page of an unlisted origin: so the app's own pages (the demo, Swagger
 * UI) keep working where the browser's origin is not the one the app sees, as behind a TLS proxy. The truth chain is
 * read from any page: anyone may verify it, without an account, from wherever they check it.
 */
final class BrowserOrigins extends DefaultCorsProcessor {

    private final ProblemResponses problems;

    private BrowserOrigins(ProblemResponses problems) {
        this.problems = problems;
    }

    static CorsFilter filter(List<String> origins, ProblemResponses problems) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.CONTENT_ENCODING, "X-Request-Id"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        var anyone = new CorsConfiguration();
        anyone.addAllowedOrigin(CorsConfiguration.ALL);
        anyone.setAllowedMethods(List.of("GET", "HEAD"));
        anyone.setMaxAge(cors.getMaxAge());
        var source = new UrlBasedCorsConfigurationSource(); // the first pattern that matches applies
        source.registerCorsConfiguration("/api/truth-chain/**", anyone);
        source.registerCorsConfiguration("/**", cors);
        var filter = new CorsFilter(source) {
            /**
             * Only browsers' cross-origin calls carry an {@code Origin}: the rest (agents, probes, servers) skip the
             * look-up and the {@code Vary} headers, which no cache needs on answers marked not to be stored.
             */
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getHeader(HttpHeaders.ORIGIN) == null;
            }
        };
        filter.setCorsProcessor(new BrowserOrigins(problems));
        return filter;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (config != null && !CorsUtils.isPreFlightRequest(request)
                && config.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
            return true; // no CORS headers: the browser withholds the answer from the page
        }
        var allowed = super.processRequest(config, request, response);
        if (!allowed) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "This origin may not call the API "
                    + "from a browser (AGENTANCHOR_WEB_ALLOWED_ORIGINS), or not with this method or these headers");
        }
        return allowed;
    }

    /** Written by {@link #processRequest} instead, which knows the request the problem names. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
    }
}
