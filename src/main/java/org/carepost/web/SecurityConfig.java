package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who is who on every path but the Camunda webapps (which keep their own login under /camunda):
 * <ul>
 * <li>our API, Camunda's REST API and the actuator: HTTP Basic against the Camunda identity service, stateless;</li>
 * <li>our server-rendered pages ({@code /app/**}, {@code /audit/**}): HTTP Basic, or the webapps' login session
 * (the session bridge, {@link WebappSessionAuthenticationFilter}); a state-changing request in a session carries
 * Spring Security's CSRF token (see docs/security.md).</li>
 * </ul>
 * After authentication the user is handed to the engine, so authorizations apply and the user operation log names
 * who did what.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication // commands such as audit-verify run without a web server
public class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Inline styles are allowed (the audit pages carry theirs); scripts only from our own files. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    public SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                            IdentityService identityService, ProcessEngine engine,
                                            CamundaBpmProperties camunda, ObjectMapper json) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        String login = camunda.getWebapp().getApplicationPath() + "/app/tasklist/" + engine.getName() + "/";
        AuthenticationEntryPoint unauthorized = unauthorized(json);
        // A browser is sent to the webapps' login; a script (Basic tried, or not asking for HTML) gets 401.
        AuthenticationEntryPoint toLogin = (request, response, e) -> {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && accept != null
                    && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                response.sendRedirect(request.getContextPath() + login);
            } else {
                unauthorized.commence(request, response, e);
            }
        };
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/app"), paths.matcher("/app/**"),
                        paths.matcher("/audit"), paths.matcher("/audit/**"),
                        paths.matcher("/analytics"), paths.matcher("/analytics/**"),
                        // The API's OpenAPI document and Swagger UI, for any logged-in user.
                        paths.matcher("/v3/api-docs"), paths.matcher("/v3/api-docs/**"),
                        paths.matcher("/swagger-ui.html"), paths.matcher("/swagger-ui/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(toLogin).accessDeniedHandler(forbidden(json)))
                .authenticationManager(oneCheck(provider))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(stateChangeInASession()))
                // Server-rendered pages: nothing but our own files may run or load, no framing, forms post back here.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP)))
                // The authentication is derived on every request (Basic or the webapps' session), never stored.
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // The webapps' login changed the session id already (Camunda's revalidateSession). Spring's
                // session-fixation defence would change it again on every bridged request, and Tasklist's requests
                // in flight with the old id came back 401: the user was logged out (the browser tests' lost logins).
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.none()))
                .addFilterAfter(new WebappSessionAuthenticationFilter(identityService, engine.getName()),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), WebappSessionAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                           IdentityService identityService, ObjectMapper json) throws Exception {
        // Path patterns, not MVC matchers: /engine-rest is Jersey's servlet, outside Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        AuthenticationEntryPoint unauthorized = unauthorized(json);
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        // Health and metrics are for operations; they reveal volumes, not content.
                        .requestMatchers(paths.matcher("/actuator/**")).hasAnyAuthority(
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "operations",
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "camunda-admin")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden(json)))
                .authenticationManager(oneCheck(provider))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no session cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A CSRF token is required where a forged request could ride on a cookie: a state-changing method, in a request
     * that has a session and no credentials of its own. Basic-authenticated requests carry their credentials
     * explicitly (stateless); without a session there is nothing to ride on (the request gets 401 or the login).
     */
    private static RequestMatcher stateChangeInASession() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    /**
     * Our provider alone. With {@code authenticationProvider(...)} Spring also asked the global manager (the same
     * provider, a bean) after a failure: every wrong password was checked, hashed and counted twice.
     */
    private static AuthenticationManager oneCheck(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            // A page's script that says so (X-Requested-With, as the webapps' header link does) gets no Basic
            // challenge, so the browser does not pop up a password prompt over the webapps.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"CarePost\"");
            }
            ProblemResponse.write(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with your CarePost user name and password (HTTP Basic).");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                ProblemResponse.write(response, json, HttpStatus.FORBIDDEN, "CSRF token missing or invalid",
                        "A change made in a browser session carries the page's CSRF token (form field _csrf or "
                                + "header X-CSRF-TOKEN). Reload the page and try again.");
            } else {
                ProblemResponse.write(response, json, HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this.");
            }
        };
    }

    /**
     * Spring Security's firewall refuses URLs with, say, an encoded ';' or '%' ("/api/content/%27%3B%20drop...");
     * by default that became Boot's error page JSON echoing the path. Now a plain RFC 7807 problem, no echo.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> ProblemResponse.write(response, json, HttpStatus.BAD_REQUEST,
                "Request rejected",
                "The URL contains characters that are not allowed (such as an encoded ';', '/' or '%').");
    }

    /** Keeps the CSRF token in the HTTP session, but never creates a session for it (a Basic client has none). */
    static final class SessionCsrfTokenRepository implements CsrfTokenRepository {

        private final HttpSessionCsrfTokenRepository sessions =
                new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request,
                              HttpServletResponse response) {
            if (request.getSession(false) != null) {
                sessions.saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return sessions.loadToken(request);
        }
    }
}
