package org.carepost.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.carepost.offboarding.AccountLocks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A locked account (offboarding) loses its webapps session on its next request: whatever the path (Tasklist's and
 * Cockpit's REST, our pages through the session bridge), a session whose webapps login belongs to a locked user is
 * invalidated before anything else runs, so the request goes on as one without a login (401, or the login page).
 * New logins are refused by the password check itself ({@code identity.RoleGuardEnginePlugin}).
 */
class LockedAccountSessionFilter extends OncePerRequestFilter {

    private final AccountLocks locks;

    LockedAccountSessionFilter(AccountLocks locks) {
        this.locks = locks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                for (Authentication login : AuthenticationUtil.getAuthsFromSession(session).getAuthentications()) {
                    if (locks.isLocked(login.getIdentityId())) {
                        session.invalidate();
                        break;
                    }
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to end
            }
        }
        chain.doFilter(request, response);
    }

    @Configuration
    @ConditionalOnWebApplication
    static class Registration {

        @Bean
        FilterRegistrationBean<LockedAccountSessionFilter> lockedAccountSessionFilter(AccountLocks locks) {
            FilterRegistrationBean<LockedAccountSessionFilter> registration =
                    new FilterRegistrationBean<>(new LockedAccountSessionFilter(locks));
            registration.addUrlPatterns("/*");
            // Before Spring Security, the webapps' own filters and every servlet.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
