package org.carepost.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session bridge: a user logged in to the Camunda webapps (Tasklist, Cockpit) reaches CarePost's own pages
 * without a second login. The webapps keep their login in the HTTP session ({@code Authentications}, one per
 * engine); when a request has no other authentication, the user logged in there for our engine becomes the Spring
 * authentication, with groups read again from the identity service (a membership removed in Admin counts at once,
 * not after the webapps' cache time). Nothing is stored: the webapps' logout ends access on the next request.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** Marks an authentication that came from the session, so state-changing requests need a CSRF token. */
    static final String SESSION_DETAILS = "camunda-webapp-session";

    private final IdentityService identityService;
    private final String engineName;

    WebappSessionAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() == null && request.getHeader("Authorization") == null) {
            String user = sessionUser(request, identityService, engineName);
            if (user != null) {
                UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                        user, null, CamundaIdentityAuthenticationProvider.authorities(identityService, user));
                authentication.setDetails(SESSION_DETAILS);
                context.setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    /** The user logged in to the webapps for this engine in the request's session (still existing), or null. */
    static String sessionUser(HttpServletRequest request, IdentityService identityService, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        return login != null && identityService.createUserQuery().userId(login.getIdentityId()).count() == 1
                ? login.getIdentityId() : null;
    }
}
