package org.carepost.web;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks a password with Camunda's identity service; the user's Camunda groups become authorities GROUP_x. */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(identityService, user));
    }

    /** The user's Camunda groups, read now, as authorities GROUP_x. */
    static List<SimpleGrantedAuthority> authorities(IdentityService identityService, String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
