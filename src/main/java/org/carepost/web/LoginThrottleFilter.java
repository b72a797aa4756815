package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.carepost.identity.LoginSource;
import org.carepost.identity.LoginThrottle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine's password check where a login attempt comes from (source address, channel), and answers
 * 429 with Retry-After, before any password is compared, to a login attempt whose user or source must wait
 * ({@link LoginThrottle}): HTTP Basic on any path, and the webapps' login form. The engine refuses a check while
 * waiting anyway (so /identity/verify, whose user is in the body, is covered too); this only says so plainly.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String user = null;
        String channel = channel(path);
        BasicCredentials basic = BasicCredentials.of(request);
        if (basic != null) {
            user = basic.user();
        } else if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            channel = "webapp-login";
            user = request.getParameter("username");
        }
        LoginSource source = new LoginSource(request.getRemoteAddr(), channel);
        if (user != null) {
            Duration wait = throttle.waitFor(source.address(), user);
            if (!wait.isZero()) {
                throttle.throttled(source.address(), user, channel);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                ProblemResponse.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                        "Wait " + seconds + " s before logging in again.");
                return;
            }
        }
        LoginSource.set(source);
        try {
            chain.doFilter(request, response);
        } finally {
            LoginSource.clear();
        }
    }

    private static String channel(String path) {
        if (path.endsWith("/identity/verify")) {
            return "identity-verify";
        }
        for (String prefix : new String[] {"/api/", "/engine-rest/", "/actuator/", "/camunda/"}) {
            if (path.startsWith(prefix)) {
                return prefix.substring(1, prefix.length() - 1);
            }
        }
        return path.startsWith("/audit") || path.startsWith("/app") ? "pages" : "other";
    }
}
