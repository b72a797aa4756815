package org.carepost.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over TLS (server.ssl, or a proxy's X-Forwarded-Proto: https, see server.forward-headers-strategy) every cookie is
 * Secure. Tomcat marks its session cookie itself; the webapps write their CSRF cookie (XSRF-TOKEN) as a raw
 * Set-Cookie header without Secure unless told so for good, which would break plain-HTTP installations.
 */
public class SecureCookiesFilter extends OncePerRequestFilter {

    private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            return HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) && value != null && !SECURE.matcher(value).find()
                    ? value + "; Secure" : value;
        }
    }
}
