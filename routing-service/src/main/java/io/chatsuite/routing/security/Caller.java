package io.chatsuite.routing.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of a request: name (the agent id), realm roles and security groups. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Supervisors and administrators see every campaign of their groups; agents only their own campaigns. */
    public boolean overseesGroups() {
        return hasRole("supervisor") || hasRole("admin");
    }

    public Set<String> groups() {
        Collection<String> groups = token.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups.stream().map(Caller::simpleName).toList());
    }

    // Keycloak may send full group paths ("/sales"); groups are compared by name.
    private static String simpleName(String group) {
        return group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
    }
}
