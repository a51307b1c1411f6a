package org.counterpart.edge.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent a request: the configured name of the key it carried, which is what an audit trail records as
 * "by", and the roles that key was given.
 */
public record Caller(String name, Set<Role> roles) {

    /** The local sandbox's identity, where writes are open: there is nobody to tell apart. */
    public static final String LOCAL = "local";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller local() {
        return new Caller(LOCAL, EnumSet.allOf(Role.class));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
