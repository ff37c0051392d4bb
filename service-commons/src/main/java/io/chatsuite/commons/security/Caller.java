package io.chatsuite.commons.security;

import io.chatsuite.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of a REST request: name (the agent id for agents), realm roles and security groups
 * (the token's {@code groups} claim), with the suite's one rule for reading them.
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";

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

    /** Supervisors and administrators see everything of their groups; agents only what concerns them. */
    public boolean overseesGroups() {
        return hasRole(SUPERVISOR) || hasRole(ADMIN);
    }

    public Set<String> groups() {
        Collection<String> groups = token.getGroups();
        return groups == null
                ? Set.of()
                : Set.copyOf(groups.stream().map(Caller::simpleName).toList());
    }

    public boolean inGroup(String group) {
        return groups().contains(group);
    }

    /** A 403 problem unless {@code group} is one of the caller's. */
    public void requireGroup(String group, String what) {
        if (!inGroup(group)) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "You can only put " + what + " in your own security " + "groups; '" + group + "' is not one of "
                            + groups().stream().sorted().toList());
        }
    }

    // Keycloak may send full group paths ("/sales"); groups are compared by name.
    private static String simpleName(String group) {
        return group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
    }
}
