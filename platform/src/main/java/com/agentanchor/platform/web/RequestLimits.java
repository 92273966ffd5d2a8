package com.agentanchor.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.agentanchor.platform.text.AcceptableText;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every request must respect before anything reads it, checked once here rather than by each endpoint:
 * <ul>
 * <li>a body of at most {@code agentanchor.web.max-request-body} (8 MB): a larger declared length is a 413 before a
 * byte of it is read, and a chunked body is counted as it is read and refused (413) as soon as it passes the limit;
 * <li>a Content-Type that names one media type, if any (a wildcard or garbage is a 415);
 * <li>query parameters that are valid URL encoding and {@link AcceptableText}: a 400 naming the parameter.
 * </ul>
 * It runs right after the request log and before security, so a refused request costs no token check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimits extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final long maxBody;

    RequestLimits(ProblemResponses problems, @Value("${agentanchor.web.max-request-body:8MB}") DataSize maxBody) {
        this.problems = problems;
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", tooLarge(maxBody));
            return;
        }
        var contentType = request.getContentType();
        if (contentType != null && !isMediaType(contentType)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Content-Type must name one media type (such as application/json), not '" + contentType + "'");
            return;
        }
        var unacceptable = unacceptableParameter(request.getQueryString());
        if (unacceptable != null) {
            problems.write(request, response, unacceptable);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, maxBody) : request, response);
    }

    /** A Content-Type says what the body is: a wildcard or something unparsable says nothing. */
    private static boolean isMediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static String tooLarge(long maxBody) {
        return "A request body may carry at most " + maxBody + " bytes";
    }

    /** The first query parameter that is not valid URL encoding or not acceptable text, as a 400; else null. */
    private static ProblemDetail unacceptableParameter(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return null; // nothing encoded: nothing that could decode to a NUL, a surrogate or an error
        }
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            var rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return invalid(rawName, "is not valid URL encoding (a % must be followed by two hex digits)");
            }
            var why = AcceptableText.problem(name) != null ? AcceptableText.problem(name) : AcceptableText.problem(value);
            if (why != null) {
                return invalid(AcceptableText.problem(name) != null ? "query" : name, why);
            }
        }
        return null;
    }

    private static ProblemDetail invalid(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new ProblemDetailsAdvice.FieldProblem(field, message)));
        return problem;
    }

    /** Thrown while a body of unknown length is read, once it passes the limit; answered 413. */
    static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge(long maxBody) {
            super(tooLarge(maxBody), null, false, false);
        }
    }

    /** A body without a declared length, counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBody;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long maxBody) {
            super(request);
            this.maxBody = maxBody;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), maxBody);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var encoding = getCharacterEncoding();
            try {
                return new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBody;
        private long read;

        CountedStream(ServletInputStream in, long maxBody) {
            this.in = in;
            this.maxBody = maxBody;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBody) {
                throw new BodyTooLarge(maxBody);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
