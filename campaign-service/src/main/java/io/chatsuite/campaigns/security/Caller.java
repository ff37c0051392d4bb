package io.chatsuite.campaigns.security;

import io.chatsuite.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of a request: name, realm roles and security groups (the token's groups claim). */
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

    public Set<String> groups() {
        Collection<String> groups = token.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups.stream().map(Caller::simpleName).toList());
    }

    public boolean inGroup(String group) {
        return groups().contains(group);
    }

    /**
     * True when the caller sees only what concerns them (an agent without the admin or supervisor role): the
     * campaigns they are a member of and their own profile.
     */
    public boolean seesOnlyOwn() {
        return !identity.hasRole(ADMIN) && !identity.hasRole(SUPERVISOR);
    }

    /** A 403 problem unless {@code group} is one of the caller's. */
    public void requireGroup(String group, String what) {
        if (!inGroup(group)) {
            throw new ProblemException(403, "Forbidden", "You can only put " + what + " in your own security "
                    + "groups; '" + group + "' is not one of " + groups().stream().sorted().toList());
        }
    }

    // Keycloak may send full group paths ("/sales"); groups are compared by name.
    private static String simpleName(String group) {
        return group.startsWith("/") ? group.substring(group.lastIndexOf('/') + 1) : group;
    }
}
