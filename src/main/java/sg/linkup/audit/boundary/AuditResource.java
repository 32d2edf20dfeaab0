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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;
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
    @Operation(summary = "Search the audit trail", description = "Newest first. from and to are Singapore dates and "
            + "both days count: from=2026-12-01&to=2026-12-01 is that whole day in Singapore.")
    public Page<AuditJson> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("subjectType") String subjectType,
                                  @QueryParam("subjectId") Long subjectId,
                                  @Parameter(description = "first day, a Singapore date such as 2026-12-01")
                                  @QueryParam("from") String from,
                                  @Parameter(description = "last day (inclusive), a Singapore date")
                                  @QueryParam("to") String to,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        LocalDate firstDay = day("from", from);
        LocalDate lastDay = day("to", to);
        if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
            throw new InvalidInput("to", "must be on or after from");
        }
        Instant start = firstDay == null ? null : Clocks.at(firstDay, LocalTime.MIDNIGHT);
        Instant end = lastDay == null ? null : Clocks.at(lastDay.plusDays(1), LocalTime.MIDNIGHT);
        return Listing.of(em, AuditEvent.class, "id")
                .descending()
                .when(actor, (cb, e) -> cb.equal(e.get("actor"), actor))
                .when(action, (cb, e) -> cb.equal(e.get("action"), action))
                .when(subjectType, (cb, e) -> cb.equal(e.get("subjectType"), subjectType))
                .when(subjectId, (cb, e) -> cb.equal(e.get("subjectId"), subjectId))
                .when(start, (cb, e) -> cb.greaterThanOrEqualTo(e.<Instant>get("occurredAt"), start))
                .when(end, (cb, e) -> cb.lessThan(e.<Instant>get("occurredAt"), end))
                .page(page, size)
                .map(AuditJson::of);
    }

    /** A Singapore date as people type it, or nothing. */
    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Clocks.plausible(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "give a date such as 2026-12-24");
        }
    }
}
