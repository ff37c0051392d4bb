package io.chatsuite.recordings.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of a request: name and security groups (the token's groups claim). */
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

    public Set<String> groups() {
        Collection<String> groups = token.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups.stream().map(Caller::simpleName).toList());
    }

    // Keycloak may send full group paths ("/sales"); groups are compared by name.
    private static String simpleName(String group) {
        return group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
    }
}
