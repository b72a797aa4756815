package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses Camunda's bare "start process instance" endpoint. It takes any variables and any business key, so it
 * would skip the start form's checks (FormSubmissionGuard) and could attach a new process to somebody else's draft
 * by naming its id as business key. Processes start from their start form (submit-form, as Tasklist does) or
 * from our API (POST /api/content); both check what they are given.
 */
public class BareProcessStartFilter extends OncePerRequestFilter {

    /** .../process-definition/{id}/start, .../key/{key}/start, .../key/{key}/tenant-id/{tenant}/start */
    private static final Pattern BARE_START =
            Pattern.compile(".*/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/start/?");

    private final ObjectMapper json;

    public BareProcessStartFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equalsIgnoreCase(request.getMethod()) || !BARE_START.matcher(request.getRequestURI()).matches()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.write(response, json, HttpStatus.FORBIDDEN, "Start with the start form",
                "Processes start from their start form (.../submit-form) or from POST /api/content, which check "
                        + "what they are given; the bare start endpoint is closed.");
    }
}
