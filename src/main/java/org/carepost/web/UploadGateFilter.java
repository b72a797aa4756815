package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Multipart uploads, before anything reads them. Camunda's REST reads a whole multipart body into memory before it
 * checks a permission (three 1.2 GB deployments as the auditor ran the JVM out of memory), and multipart bodies
 * skip {@link RequestSizeLimitFilter}. Here, from the headers alone ({@link UploadRules}):
 * <ol>
 * <li>a path without uploads: 415;</li>
 * <li>an uploader outside the path's groups: 403 (401 without a login). The uploader is the HTTP Basic user or the
 * webapps' session user: a Basic user of an allowed group passes on to the usual password check (Spring Security,
 * before the body is read); one of another group is refused here once the password is right (401 otherwise), so
 * the gate tells nobody who belongs to which group;</li>
 * <li>no declared length (chunked): 411; a declared length over the path's limit: 413 (the container never hands
 * more than the declared length to the application, so nothing larger can be buffered).</li>
 * </ol>
 */
public class UploadGateFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final String engineName;
    private final ObjectMapper json;

    public UploadGateFilter(IdentityService identityService, String engineName, ObjectMapper json) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UploadRules.Rule rule = UploadRules.rule(path).orElse(null);
        if (rule == null) {
            ProblemResponse.write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No uploads here",
                    "This path does not accept multipart uploads.");
            return;
        }
        BasicCredentials basic = BasicCredentials.of(request);
        String user = basic != null ? basic.user()
                : WebappSessionAuthenticationFilter.sessionUser(request, identityService, engineName);
        if (user == null) {
            ProblemResponse.write(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in to upload.");
            return;
        }
        if (!allowed(user, rule)) {
            if (basic != null && !identityService.checkPassword(user, basic.password())) {
                ProblemResponse.write(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "Log in with your CarePost user name and password (HTTP Basic).");
                return;
            }
            ProblemResponse.write(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                    "Your groups may not upload " + rule.what() + " here.");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared < 0) {
            ProblemResponse.write(response, json, HttpStatus.LENGTH_REQUIRED, "Length required",
                    "An upload declares its size (Content-Length).");
            return;
        }
        if (declared > rule.maxBytes()) {
            ProblemResponse.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large",
                    "Uploads of " + rule.what() + " are at most " + rule.maxBytes() + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String user, UploadRules.Rule rule) {
        Set<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        return rule.groups().stream().anyMatch(groups::contains);
    }
}
