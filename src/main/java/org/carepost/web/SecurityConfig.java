package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * HTTP Basic against the Camunda identity service for our API, the auditor's pages (/audit), Camunda's REST API and
 * the actuator. The Camunda
 * webapps under /camunda keep their own login. After authentication the user is handed to the engine, so
 * authorizations apply and the user operation log names who did what.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication // commands such as audit-verify run without a web server
public class SecurityConfig {

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                           IdentityService identityService, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"CarePost\"");
            ProblemResponse.write(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Log in with your CarePost user name and password (HTTP Basic).");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> ProblemResponse.write(response, json,
                HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this.");
        // Path patterns, not MVC matchers: /engine-rest is Jersey's servlet, outside Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**"), paths.matcher("/audit"), paths.matcher("/audit/**")))
                .authorizeHttpRequests(auth -> auth
                        // Health and metrics are for operations; they reveal volumes, not content.
                        .requestMatchers(paths.matcher("/actuator/**")).hasAnyAuthority(
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "operations",
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "camunda-admin")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authenticationProvider(provider)
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no session cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
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
}
