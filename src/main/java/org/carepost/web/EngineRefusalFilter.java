package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.carepost.process.forms.RefusalPassThrough;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' engine REST API (what Tasklist calls) answers a form refused by one of our listeners with a 500 and
 * "Cannot submit task form &lt;id&gt;: ENGINE-...". When the engine refused with a sentence meant for the user
 * ({@link RefusalPassThrough}), the answer becomes 400 (403 for a refusal by role) with that sentence as its message,
 * in the JSON shape Tasklist reads ({@code type}, {@code message}). Other answers pass unchanged.
 */
public class EngineRefusalFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public EngineRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        RefusalPassThrough.forget();
        try {
            chain.doFilter(request, buffered);
            Optional<RuntimeException> refusal = RefusalPassThrough.takeLast();
            if (refusal.isPresent() && buffered.getStatus() >= 400 && !buffered.isCommitted()) {
                boolean forbidden = refusal.get() instanceof AuthorizationException;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", forbidden ? "AuthorizationException" : "InvalidRequestException");
                body.put("message", refusal.get().getMessage());
                buffered.resetBuffer();
                buffered.setStatus(forbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
                buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
                buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
                buffered.getOutputStream().write(json.writeValueAsBytes(body));
            }
        } finally {
            RefusalPassThrough.forget();
            buffered.copyBodyToResponse();
        }
    }
}
