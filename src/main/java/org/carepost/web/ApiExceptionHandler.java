package org.carepost.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.carepost.content.ContentForbiddenException;
import org.carepost.content.ContentNotFoundException;
import org.carepost.content.ContentStateException;
import org.carepost.content.FieldProblem;
import org.carepost.content.InvalidContentException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 problems for our API. Details name fields, never their values: a value may be PHI. Global (not limited to
 * our package): a request no handler accepts (wrong Content-Type on a multipart upload, wrong method) fails before a
 * controller is chosen, and only a global advice answers it with a problem instead of Boot's error JSON.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidContentException.class)
    ProblemDetail invalid(InvalidContentException e) {
        return withErrors(e.problems());
    }

    @ExceptionHandler(org.carepost.phi.MediaSanitizer.RejectedMediaException.class)
    ProblemDetail rejectedMedia(org.carepost.phi.MediaSanitizer.RejectedMediaException e) {
        return problem(HttpStatus.BAD_REQUEST, "Image not accepted", e.getMessage());
    }

    @ExceptionHandler({ContentNotFoundException.class, org.carepost.consent.ConsentNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** Decisions on PHI findings: every problem as a sentence naming finding ids; nothing was applied. */
    @ExceptionHandler(org.carepost.phi.PhiDecisionException.class)
    ProblemDetail phiDecisions(org.carepost.phi.PhiDecisionException e) {
        ProblemDetail problem = problem(e.stateConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                "Decisions not applied", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ContentStateException.class)
    ProblemDetail conflict(ContentStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler({ContentForbiddenException.class, AuthorizationException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this.");
    }

    /** A multipart body that cannot be parsed (no boundary, cut off): the client's fault, not a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail malformedMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed upload", "The multipart request body cannot be read.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withErrors(List.of(new FieldProblem(e.getName(), "has the wrong format")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body;
        if (e.getCause() instanceof StorableTextModule.UnstorableTextException unstorable) {
            body = withErrors(List.of(new FieldProblem(path(unstorable), org.carepost.content.StorableText.PROBLEM)));
        } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            body = withErrors(List.of(new FieldProblem(unknown.getPropertyName(), "is not a known field")));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            body = withErrors(List.of(new FieldProblem(path(mapping), "has the wrong type")));
        } else {
            body = problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(body);
    }

    /** The field as a path ({@code scope.photo}, {@code platforms[1]}); never the value. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ProblemDetail withErrors(List<FieldProblem> problems) {
        String fields = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + fields);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
