package sg.linkup.reporting.boundary;

import static sg.linkup.platform.RoleChecks.ADMIN;
import static sg.linkup.security.entity.Role.Names.PARTNER;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.reporting.control.Reports;
import sg.linkup.reporting.control.Reports.GroupBy;
import sg.linkup.reporting.control.Reports.Kind;
import sg.linkup.reporting.entity.Period;
import sg.linkup.reporting.entity.Report;
import sg.linkup.security.control.Caller;
import sg.linkup.security.entity.Role;

/**
 * Reports for supervisors (their SSOs), partner agencies (their agency) and administrators (everything), as JSON
 * or CSV with the same figures. A filter naming something outside the caller's scope answers 404, like a record
 * that does not exist.
 */
@Path("reports")
@RequestScoped
@Tag(name = "Reports", description = "Sessions, no-shows, lead times, utilisation, SMS, client travel saved")
@RolesAllowed({ADMIN, SUPERVISOR, PARTNER})
public class ReportsResource {

    static final String CSV = "text/csv";

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, CSV + ";charset=utf-8"})
    @Operation(summary = "One report", description = "name: sessions, lead-times, utilisation, sms, travel or "
            + "first-free-slot. from/to are Singapore dates (inclusive), widened to whole periods; default the last "
            + "12 whole months to the end of this one; at most 731 days. format=csv (or Accept: text/csv) gives "
            + "the same figures as CSV. Figures about fewer than 5 clients are suppressed (null, key listed in the "
            + "row's suppressed; \"< 5\" in CSV).")
    public Response report(@PathParam("name") String name,
                           @Parameter(description = "first day, e.g. 2026-01-01") @QueryParam("from") String from,
                           @Parameter(description = "last day (inclusive)") @QueryParam("to") String to,
                           @Parameter(description = "MONTH (default) or WEEK") @QueryParam("period") String period,
                           @Parameter(description = "NONE (default), OFFICE, AGENCY, SERVICE or MODE")
                           @QueryParam("groupBy") String groupBy,
                           @QueryParam("office") String office, @QueryParam("agency") String agency,
                           @QueryParam("service") String service, @QueryParam("mode") String mode,
                           @Parameter(description = "csv for a CSV download") @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        Kind kind = Kind.of(name);
        if (kind == null) {
            throw new NotFound("report", name);
        }
        LocalDate today = Clocks.dateIn(clock.instant());
        LocalDate first = day("from", from, today.withDayOfMonth(1).minusMonths(11));
        LocalDate last = day("to", to, today.withDayOfMonth(1).plusMonths(1).minusDays(1));
        if (last.isBefore(first)) {
            throw new InvalidInput("to", "must be on or after from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > Reports.MOST_DAYS) {
            throw new InvalidInput("to", "a report covers at most " + Reports.MOST_DAYS + " days");
        }
        Period cut = choice("period", period, Period.class, Period.MONTH);
        GroupBy by = choice("groupBy", groupBy, GroupBy.class, GroupBy.NONE);
        if (kind == Kind.UTILISATION && (by == GroupBy.SERVICE || by == GroupBy.MODE)) {
            throw new InvalidInput("groupBy", "utilisation is grouped by NONE, OFFICE (rooms) or AGENCY (advisors)");
        }
        Long officeId = id("office", office);
        Long agencyId = id("agency", agency);
        Long serviceId = id("service", service);
        SessionMode sessionMode = choice("mode", mode, SessionMode.class, null);
        inScope(officeId, agencyId, serviceId);
        Reports.Scope scope = new Reports.Scope(caller.role().isOfficeScoped() ? caller.identity().officeIds() : null,
                caller.is(Role.PARTNER) ? caller.identity().agencyId() : null);
        Reports.Query query = new Reports.Query(kind, first, last, cut, by, officeId, agencyId, serviceId,
                sessionMode);
        Reports.requireOffered(query, scope);
        Report report = reports.run(query, scope);
        if (wantsCsv(format, headers)) {
            String file = "linkup-" + kind.path + "-" + report.from() + "-" + report.to() + ".csv";
            return Response.ok(ReportCsv.write(report), CSV + ";charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** A filter outside the caller's scope is answered exactly like one that does not exist. */
    private void inScope(Long officeId, Long agencyId, Long serviceId) {
        if (officeId != null) {
            Office office = em.find(Office.class, officeId);
            if (office == null || (caller.role().isOfficeScoped() && !caller.reachesOffice(officeId))) {
                throw new NotFound("office", officeId);
            }
        }
        if (agencyId != null) {
            PartnerAgency agency = em.find(PartnerAgency.class, agencyId);
            if (agency == null || !caller.reachesAgency(agencyId)) {
                throw new NotFound("agency", agencyId);
            }
        }
        if (serviceId != null) {
            Service service = em.find(Service.class, serviceId);
            if (service == null || !caller.reachesAgency(service.agency().id())) {
                throw new NotFound("service", serviceId);
            }
        }
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInput("format", "csv or json");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Clocks.plausible(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "give a date such as 2026-12-24");
        }
    }

    private static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id <= 0) {
                throw new InvalidInput(field, "an id is a positive number");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "an id is a positive number");
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
