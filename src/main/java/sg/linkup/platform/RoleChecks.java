package sg.linkup.platform;

import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Makes JAX-RS honour {@code @RolesAllowed} on resources (Jersey does not by default). A role the caller lacks
 * is a 403; what lies outside the caller's scope is each resource's 404.
 */
@Provider
public class RoleChecks extends RolesAllowedDynamicFeature {

    /**
     * The administrators' role name, here for features that security itself writes to: the audit trail records
     * sign-ins, so its resource cannot name security's {@code Role} without the two importing each other.
     * {@code Role.Names.ADMIN} is this constant.
     */
    public static final String ADMIN = "ADMIN";
}
