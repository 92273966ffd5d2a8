package com.agentanchor.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.agentanchor.platform.refusal.Refusal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details for a {@link Refusal} (the one place that gives each kind its status), and written
 * directly where Spring MVC's exception handling does not reach: the security filters.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** What a client is told when a use case refuses: the kind's status, the refusal's title and message. */
    public static ProblemDetail of(Refusal refusal) {
        // Java 17 has no pattern switch; the hierarchy is sealed, so these four are all there is.
        var status = refusal instanceof Refusal.NotFound ? HttpStatus.NOT_FOUND
                : refusal instanceof Refusal.NotAllowed ? HttpStatus.FORBIDDEN
                : refusal instanceof Refusal.Conflict ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(refusal.title());
        problem.setDetail(refusal.getMessage());
        if (refusal instanceof Refusal.Invalid invalid) {
            problem.setDetail(invalid.fieldAndReason());
            problem.setProperty("errors", List.of(new ProblemDetailsAdvice.FieldProblem(invalid.field(),
                    invalid.getMessage())));
        }
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        var problem = of(refusal);
        write(request, response, HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), problem.getDetail());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        write(request, response, problem);
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            // Answered already. A 413 whose declared body is not waited for (UnreadBodies) still sends the container's
            // error dispatch through the filters (the firewall, the error controller) to a response that can take
            // nothing more; what they would write is dropped rather than failing as an ERROR.
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", instance(request));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * The path the client asked for, as Spring MVC's own problem details name it; on the container's error dispatch,
     * the path that failed rather than {@code /error}.
     */
    private static String instance(HttpServletRequest request) {
        var failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed instanceof String path ? path : request.getRequestURI();
    }
}
