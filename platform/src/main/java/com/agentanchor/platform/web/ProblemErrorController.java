package com.agentanchor.platform.web;

import java.io.IOException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where the servlet container sends an error the application did not answer itself (a filter's
 * {@code sendError}, an exception thrown before Spring MVC was reached): problem details, not Spring Boot's own
 * JSON or HTML, whatever the client said it accepts. It says what the status means and nothing of the cause.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var known = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        // No error status: /error asked for directly, and there is nothing here.
        var status = known == null ? HttpStatus.NOT_FOUND : known.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR
                : known;
        var detail = status.is5xxServerError() ? "Something went wrong on our side; nothing was changed."
                : "The request could not be served as sent: " + status.getReasonPhrase() + ".";
        problems.write(request, response, status, status.getReasonPhrase(), detail);
    }
}
