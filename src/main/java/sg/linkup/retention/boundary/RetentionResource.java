package sg.linkup.retention.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.retention.control.Retention;

/** Runs the retention sweep now, for an operator (and the tests) who will not wait for the schedule. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "Anonymising inactive clients, purging old messages and audit lines")
@RolesAllowed(ADMIN)
public class RetentionResource {

    @Inject
    Retention retention;

    @POST
    @Path("sweep")
    @Operation(summary = "Sweep now (every node does it every linkup.retention.sweep-seconds)",
            description = "Anonymises inactive clients, purges old outbox rows and deletes old audit lines as "
                    + "configured (README, Retention), in transactions of linkup.retention.batch rows; safe while "
                    + "other nodes sweep. Says how many rows this call changed.")
    public Retention.Swept sweep() {
        return retention.sweep();
    }
}
