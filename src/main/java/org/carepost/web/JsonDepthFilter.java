package org.carepost.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON nested deeper than Jackson allows (1,000) made Camunda's REST answer 500 (StreamConstraintsException), both
 * under /engine-rest and in the webapps' REST, whose error mapping we cannot extend. Such a body is refused here with
 * a 400 problem; any other body is handed on unchanged (what is not JSON at all is left to the endpoint). Runs after
 * {@link RequestSizeLimitFilter}, so the body read here is within the size limit.
 */
public class JsonDepthFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(
                    StreamReadConstraints.DEFAULT_MAX_DEPTH).build()).build();

    private final ObjectMapper json;

    public JsonDepthFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        try (JsonParser parser = JSON.createParser(body)) {
            while (parser.nextToken() != null) {
                // walk every token: only the depth is of interest here
            }
        } catch (StreamConstraintsException e) {
            ProblemResponse.write(response, json, HttpStatus.BAD_REQUEST, "Malformed request",
                    "The JSON body is nested too deeply.");
            return;
        } catch (IOException e) {
            // not JSON: the endpoint answers as it does for any malformed body
        }
        chain.doFilter(new RequestSizeLimitFilter.BufferedBody(request, body), response);
    }
}
