package sg.linkup.audit.boundary;

import static sg.linkup.platform.RoleChecks.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Page;

/** Reading the audit trail, newest first; only admins. */
@Path("audit")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when, in which role and scope")
@RolesAllowed(ADMIN)
public class AuditResource {

    @PersistenceContext
    EntityManager em;

    @Schema(name = "AuditEvent")
    public record AuditJson(long id, Instant occurredAt, String actor, String role, String scope, String action,
                            String subjectType, Long subjectId, String detail) {
        static AuditJson of(AuditEvent e) {
            return new AuditJson(e.id(), e.occurredAt(), e.actor(), e.role(), e.scope(), e.action(),
                    e.subjectType(), e.subjectId(), e.detail());
        }
    }

    @GET
    @Operation(summary = "Search the audit trail")
    public Page<AuditJson> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("subjectType") String subjectType,
                                  @QueryParam("subjectId") Long subjectId,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Listing.of(em, AuditEvent.class, "id")
                .descending()
                .when(actor, (cb, e) -> cb.equal(e.get("actor"), actor))
                .when(action, (cb, e) -> cb.equal(e.get("action"), action))
                .when(subjectType, (cb, e) -> cb.equal(e.get("subjectType"), subjectType))
                .when(subjectId, (cb, e) -> cb.equal(e.get("subjectId"), subjectId))
                .page(page, size)
                .map(AuditJson::of);
    }
}
