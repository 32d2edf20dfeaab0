package sg.linkup.platform;

import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Makes JAX-RS honour {@code @RolesAllowed} on resources (Jersey does not by default). A role the caller lacks
 * is a 403; what lies outside the caller's scope is each resource's 404.
 */
@Provider
public class RoleChecks extends RolesAllowedDynamicFeature {
}
