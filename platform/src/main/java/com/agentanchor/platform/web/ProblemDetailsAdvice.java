package com.agentanchor.platform.web;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.agentanchor.platform.database.DatabaseRefusal;
import com.agentanchor.platform.refusal.Refusal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem details. Client mistakes name the offending field and say what would be
 * accepted; a database that cannot be reached is a 503 to retry ({@link DatabaseUnavailable}); a write its policies
 * refuse is a 403; anything else is a 500 that reveals nothing but the fact.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** How Jackson's message for a name given twice begins ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). */
    private static final String DUPLICATE = "Duplicate Object property";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getAllErrors().stream()
                .map(e -> new FieldProblem(e instanceof FieldError f ? f.getField() : e.getObjectName(),
                        e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return invalid(ex, errors, headers, request);
    }

    /** Spring's own detail reads "No static resource …", as if the API were a file server. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle("No such endpoint");
        problem.setDetail("Nothing answers " + ex.getHttpMethod() + " /" + ex.getResourcePath()
                + " (the API's operations: /v3/api-docs)");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var name = ex.getPropertyName() != null ? ex.getPropertyName() : "value";
        var expected = ex.getRequiredType() == null ? "a different value" : describe(ex.getRequiredType());
        var errors = List.of(new FieldProblem(name, "must be " + expected + ", not '" + ex.getValue() + "'"));
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof RequestLimits.BodyTooLarge tooLarge) {
                return handleExceptionInternal(ex, problemOf(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE,
                        request);
            }
        }
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        var cause = ex.getMostSpecificCause();
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)) {
            var field = fieldPath(jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]").toList());
            var message = mismatch(jackson);
            problem.setDetail(field.isEmpty() ? message : field + ": " + message);
            if (!field.isEmpty()) {
                problem.setProperty("errors", List.of(new FieldProblem(field, message)));
            }
        } else if (cause instanceof StreamReadException parse && parse.processor() != null
                && fieldMistake(parse) != null) {
            var field = path(parse.processor().streamReadContext());
            var message = fieldMistake(parse);
            problem.setDetail(field + ": " + message);
            problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        } else if (cause instanceof StreamReadException parse && parse.getLocation() != null) {
            problem.setDetail("The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")");
        } else {
            problem.setDetail("The body is missing or is not valid JSON");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every module's refusals, mapped here once (controllers carry no exception handlers). */
    @ExceptionHandler
    ProblemDetail refused(Refusal refusal) {
        return ProblemResponses.of(refusal);
    }

    /** A body of unknown length that grew past the limit while it was read ({@link RequestLimits}). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(RequestLimits.BodyTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problemOf(e));
    }

    private static ProblemDetail problemOf(RequestLimits.BodyTooLarge e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Content Too Large");
        return problem;
    }

    /**
     * Tomcat refuses to decode a form body (or query string) that is not valid URL encoding ({@code %ZZ}), or that
     * carries more parameters than it allows; it says which status fits (400, or 413 for too many).
     */
    @ExceptionHandler
    ProblemDetail unreadableParameters(InvalidParameterException e) {
        var status = HttpStatus.resolve(e.getErrorCode());
        var problem = ProblemDetail.forStatusAndDetail(status != null && status.is4xxClientError() ? status
                : HttpStatus.BAD_REQUEST, "The form body or query string is not valid URL encoding "
                        + "(a % must be followed by two hex digits), or carries too many parameters");
        problem.setTitle("Invalid request");
        return problem;
    }

    /**
     * The firewall checks parameters only when they are first read, which for a form body is inside the controller's
     * argument resolution (even a JSON endpoint reads one posted as a form before it refuses its type): a name or value
     * with a control character (a NUL) is refused there, after the filter chain's own handler of rejected requests.
     */
    @ExceptionHandler
    ProblemDetail rejectedParameter(RequestRejectedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A parameter's name or value holds a character that is not accepted (a control character such as NUL)");
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unauthenticated(AuthenticationException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Unauthorized");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.explains(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
                    .body(DatabaseUnavailable.problem());
        }
        // The services check the same rules first: the caller raced a change that took the right away (its agent
        // retired meanwhile, say), or a service lacks a check (hence the warning). Either way the caller may not
        // make it, and the transaction rolled back: a 403, not a 500.
        if (e instanceof DataAccessException refused && DatabaseRefusal.byRowSecurity(refused)) {
            log.warn("A write the row-level security policies refused got past the service's checks: {}",
                    refused.getMostSpecificCause().getMessage());
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The database refused this change "
                    + "for you: it is not yours to make, or no longer allowed as things stand; nothing was changed.");
            problem.setTitle("Forbidden");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        log.error("Unhandled error", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed.");
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
            WebRequest request) {
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid request");
        problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * What a parse error says of the field the parser stopped at, when the document itself is well-formed: a name
     * given twice, a number too large for the field's type. {@code null} for a document that is not JSON.
     */
    private static String fieldMistake(StreamReadException parse) {
        if (parse instanceof InputCoercionException outOfRange) {
            return outOfRange.getTargetType() == null ? "is out of range"
                    : "is out of range for " + describe(outOfRange.getTargetType());
        }
        return String.valueOf(parse.getOriginalMessage()).startsWith(DUPLICATE) // a message may be null
                ? "is given twice in one object" : null;
    }

    /** Where the parser stands, as the other field errors name it. */
    private static String path(TokenStreamContext context) {
        var segments = new ArrayDeque<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            segments.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.currentName());
        }
        return fieldPath(List.copyOf(segments));
    }

    /** Names joined by dots, indexes in brackets: {@code events[1].payload.k}. */
    private static String fieldPath(List<String> segments) {
        return String.join(".", segments).replace(".[", "[");
    }

    private static String mismatch(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof AcceptableTextModule.UnacceptableText) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "must be " + describe(invalid.getTargetType()) + ", not '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "has the wrong type";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            default -> Collection.class.isAssignableFrom(type) || type.isArray() ? "an array"
                    : type.isRecord() || Map.class.isAssignableFrom(type) ? "an object" : "a " + type.getSimpleName();
        };
    }

    record FieldProblem(String field, String message) {
    }
}
