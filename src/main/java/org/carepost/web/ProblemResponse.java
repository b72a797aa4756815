package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * An RFC 7807 problem written straight to the response, for servlet filters and security handlers: they answer
 * before Spring MVC and its exception handler are reached.
 */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title, String detail)
            throws IOException {
        write(response, json, problem(status, title, detail));
    }
}
