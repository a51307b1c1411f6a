package org.counterpart.edge.access;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The caller as JAX-RS's own {@link SecurityContext}, so that a resource recording who did something (a review's
 * "by") reads it with {@code @Context SecurityContext} instead of reaching into filter internals.
 * The principal's name is the key's configured name; {@link #isUserInRole} takes the roles' words.
 */
final class CallerSecurityContext implements SecurityContext {

    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller::name;
    }

    @Override
    public boolean isUserInRole(String word) {
        return Role.ofWord(word).map(caller::has).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.name().equals(Caller.LOCAL) ? null : "Bearer";
    }
}
