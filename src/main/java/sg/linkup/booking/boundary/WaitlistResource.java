package sg.linkup.booking.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.booking.control.Waitlist;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.WaitlistEntry;
import sg.linkup.client.control.Clients;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Service;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.NotFound;
import sg.linkup.platform.Page;
import sg.linkup.security.control.Caller;

/**
 * Clients waiting for a session. An offer is a hold on a freed slot for the client, shown on the entry
 * ({@code offerBookingId}); the counter (or, with the notifications issue, the client's SMS reply) accepts or
 * declines it before the hold lapses.
 */
@Path("waitlist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waitlist", description = "Clients waiting for a freed slot, urgent cases first")
@RolesAllowed({ADMIN, COUNTER_STAFF, SUPERVISOR})
public class WaitlistResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Waitlist waitlist;

    @Inject
    BookingAccess access;

    @Inject
    Clients clients;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Context
    UriInfo uriInfo;

    @Schema(name = "WaitlistEntry")
    public record EntryJson(Long id, Long clientId,
                            @Schema(readOnly = true, description = "the client's name, so a list needs no client "
                                    + "look-up per row") String clientName,
                            Long serviceId, Set<Long> officeIds, LocalDate firstDay,
                            LocalDate lastDay, Boolean urgent,
                            @Schema(readOnly = true) WaitlistEntry.Status status,
                            @Schema(readOnly = true) Long offerBookingId,
                            @Schema(readOnly = true) Instant offerExpiresAt,
                            @Schema(readOnly = true) Instant createdAt) {
    }

    @GET
    @Operation(summary = "List waitlist entries of the caller's offices' clients",
            description = "Each entry names its client; the list is one audited read of those clients")
    @Transactional
    public Page<EntryJson> list(@QueryParam("service") Long service,
                                @Parameter(description = "one or more: status=WAITING&status=OFFERED")
                                @QueryParam("status") List<WaitlistEntry.Status> statuses,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Set<Long> offices = caller.officeScope().orElse(null);
        Page<WaitlistEntry> found = Listing.of(em, WaitlistEntry.class, "createdAt")
                .when(offices, (cb, e) -> e.get("clientId").in(clientsOf(offices)))
                .when(service, (cb, e) -> cb.equal(e.get("serviceId"), service))
                .when(statuses == null || statuses.isEmpty() ? null : statuses, (cb, e) -> e.get("status").in(statuses))
                .page(page, size);
        Map<Long, Client> named = clientsNamed(found.items());
        if (!named.isEmpty()) {
            // Names leave here, so each client shown is an audited read, on the client's own trail (as a search
            // is): "who saw client X" must find it. The screen asks only for open entries, so no more are named.
            named.keySet().stream().sorted().forEach(client ->
                    audit.record(caller.actor(), "CLIENT_NAME_READ", "Client", client, "on the waitlist"));
        }
        return found.map(entry -> json(entry, named.get(entry.clientId())));
    }

    @GET
    @Path("{id}")
    @Transactional
    public EntryJson get(@PathParam("id") long id) {
        return json(inScope(id));
    }

    @POST
    @Operation(summary = "Put a client on the waitlist for a service at some offices between two dates")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response add(EntryJson body) {
        if (body == null) {
            throw new InvalidInput("clientId", "send clientId, serviceId, officeIds, firstDay and lastDay");
        }
        Client client = access.client(body.clientId());
        Lookup.reference(em, Service.class, body.serviceId(), "serviceId");
        if (body.officeIds() != null) {
            // Any active SSOs, not only the caller's: the offer is held wherever the client can go.
            body.officeIds().forEach(office -> access.activeOffice(office, "officeIds"));
        }
        WaitlistEntry entry = waitlist.add(new WaitlistEntry(client.id(), body.serviceId(), body.officeIds(),
                body.firstDay(), body.lastDay(), Boolean.TRUE.equals(body.urgent()), caller.identity().name(),
                clock.instant(), Clocks.dateIn(clock.instant())), caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(json(entry)).build();
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "The client takes the offered slot: it becomes a booking")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response accept(@PathParam("id") long id) {
        inScope(id);
        Booking booking = waitlist.accept(id, caller.actor());
        return access.answer(booking, Response.Status.OK);
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "The client turns the offer down; the slot goes to the next client waiting")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public EntryJson decline(@PathParam("id") long id) {
        inScope(id);
        return json(waitlist.decline(id, caller.actor()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Take a client off the waitlist")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response withdraw(@PathParam("id") long id) {
        inScope(id);
        waitlist.withdraw(id, caller.actor());
        return Response.noContent().build();
    }

    private WaitlistEntry inScope(long id) {
        WaitlistEntry entry = waitlist.find(id);
        Client client = em.find(Client.class, entry.clientId());
        if (client == null || !caller.reachesOffice(client.officeId())) {
            throw new NotFound("WaitlistEntry", id);
        }
        return entry;
    }

    /** One entry on its own (a change, or GET by id) names no client: no client is read. */
    private EntryJson json(WaitlistEntry e) {
        return json(e, null);
    }

    private EntryJson json(WaitlistEntry e, Client client) {
        Booking offer = e.offerBookingId() == null ? null : em.find(Booking.class, e.offerBookingId());
        return new EntryJson(e.id(), e.clientId(), client == null ? null : client.name(), e.serviceId(),
                e.officeIds(), e.firstDay(), e.lastDay(), e.urgent(), e.status(), e.offerBookingId(), offer == null ? null : offer.holdExpiresAt(),
                e.createdAt());
    }

    /** The clients of these entries, in one query. */
    private Map<Long, Client> clientsNamed(List<WaitlistEntry> entries) {
        Set<Long> ids = entries.stream().map(WaitlistEntry::clientId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids", Client.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Client::id, Function.identity()));
    }

    private java.util.List<Long> clientsOf(Set<Long> offices) {
        var ids = clients.idsAt(offices);
        return ids.isEmpty() ? java.util.List.of(-1L) : ids;
    }
}
