package org.carepost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.carepost.identity.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The body-size limit on every API that reads JSON (ours, Camunda's REST API and the webapps' (Tasklist's) API),
 * our pages; the upload gate (multipart, every path); JSON depth on Camunda's REST; the closed bare process start;
 * the login throttle; Secure cookies over TLS.
 */
@Configuration
@ConditionalOnWebApplication
public class RequestLimitsConfig {

    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
            @Value("${carepost.max-request-body:1MB}") DataSize limit, ObjectMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit, json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/app/*", "/audit", "/audit/*");
        // Before authentication: a huge body is refused without hashing a password first.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<SecureCookiesFilter> secureCookies() {
        FilterRegistrationBean<SecureCookiesFilter> registration = new FilterRegistrationBean<>(new SecureCookiesFilter());
        registration.addUrlPatterns("/*");
        // Outermost, so every cookie written further in (the webapps' filters too) passes through it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<JsonDepthFilter> jsonDepth(ObjectMapper json) {
        FilterRegistrationBean<JsonDepthFilter> registration = new FilterRegistrationBean<>(new JsonDepthFilter(json));
        // Our API answers deep JSON itself (ApiExceptionHandler); Camunda's REST, in both places, does not.
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 14); // after the size limit and the upload gate
        return registration;
    }

    @Bean
    public FilterRegistrationBean<BareProcessStartFilter> bareProcessStart(ObjectMapper json) {
        FilterRegistrationBean<BareProcessStartFilter> registration =
                new FilterRegistrationBean<>(new BareProcessStartFilter(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<UploadGateFilter> uploadGate(IdentityService identityService, ProcessEngine engine,
                                                              ObjectMapper json) {
        FilterRegistrationBean<UploadGateFilter> registration =
                new FilterRegistrationBean<>(new UploadGateFilter(identityService, engine.getName(), json));
        registration.addUrlPatterns("/*");
        // Before Spring Security and every servlet: nothing reads an upload before its sender and size are allowed.
        // After the login throttle, so a password checked here is throttled and counted like any other.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 13);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
        registration.addUrlPatterns("/*");
        // Before Spring Security (which checks Basic passwords) and the webapps' filters.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    /**
     * Tomcat refused an encoded '/' (as in "%3C%2Fscript%3E") itself, with an HTML error page. Passed through, Spring
     * Security's firewall refuses it as it refuses other such URLs, with a problem (SecurityConfig).
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
                EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
