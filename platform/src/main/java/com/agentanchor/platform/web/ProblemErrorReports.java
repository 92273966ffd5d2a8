package com.agentanchor.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Tomcat answers some requests before the application sees them: a path with {@code %2F} or {@code %00}, headers over
 * the size limit, a request line it cannot parse. Its own report for those is an HTML page; this one is problem
 * details like every other error, and says no more (no server version, no stack trace). Errors raised inside the
 * application never get here: they are written by {@link ProblemDetailsAdvice} or {@link ProblemErrorController}.
 */
public class ProblemErrorReports extends ErrorReportValve {

    /** Installs this report on the host (a {@link TomcatContextCustomizer}: the host is the context's parent). */
    static TomcatContextCustomizer installer() {
        return context -> ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReports.class
                .getName());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        var title = known != null ? known.getReasonPhrase() : "Error";
        var detail = status == 400 ? "The request's path or headers could not be accepted (an encoded slash or NUL "
                + "in the path, headers over the size limit, or a malformed request line); nothing was done."
                : "The request could not be served; nothing was done.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"" + instance(request) + "}";
            var out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            UnreadBodies.closeRatherThanDrain(request);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response cannot be written any more: there is nobody left to tell.
        }
    }

    /** The path asked for, as the client sent it, when the request line was read that far; none otherwise. */
    private static String instance(Request request) {
        var path = request.getRequestURI();
        return path == null || path.isEmpty() ? ""
                : ",\"instance\":\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(path)) + "\"";
    }
}
