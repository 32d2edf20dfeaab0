package sg.linkup.booking.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;
import static sg.linkup.security.entity.Role.Names.PARTNER;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.IdempotencyKeys;
import sg.linkup.booking.control.SlotUnavailable;
import sg.linkup.booking.control.WalkIns;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.Outcome;
import sg.linkup.directory.control.Advisors;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.ETags;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Transactions;
import sg.linkup.platform.Page;
import sg.linkup.security.control.Caller;
import sg.linkup.security.entity.Role;

/**
 * Booking sessions and living through them. Creating endpoints honour {@code Idempotency-Key}; changes honour
 * {@code If-Match} (412 on a stale version). A lost race is a 409 naming the resource taken, with other slots.
 */
@Path("bookings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings", description = "Hold, book, reschedule, cancel, check in, outcome")
public class BookingsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Bookings bookings;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    WalkIns walkIns;

    @Inject
    BookingAccess access;

    @Inject
    Caller caller;

    @Inject
    SlotSearch search;

    @Inject
    AuditTrail audit;

    @Inject
    Advisors advisors;

    @Inject
    java.time.Clock clock;

    @Inject
    BookingMetrics metrics;

    @Inject
    Transactions transactions;

    @Context
    HttpHeaders headers;

    @Schema(name = "Reschedule")
    public record RescheduleJson(OffsetDateTime start, SessionMode mode, Long officeId, Long advisorId,
                                 Long roomId) {
    }

    @Schema(name = "Cancellation")
    public record CancelJson(String reason) {
    }

    @Schema(name = "SessionOutcome")
    public record OutcomeJson(Outcome outcome, String note) {
    }

    @Schema(name = "WalkIn")
    public record WalkInJson(Long serviceId, Long officeId, Long clientId, SessionMode mode, String referralNote,
                             Boolean consentToShare) {
    }

    @GET
    @Operation(summary = "Search bookings", description = "By office (where the session is held), Singapore day "
            + "or days from–to (both included: a week is one call), advisor, agency, status, client. SSO staff find their offices' clients' bookings at any office and "
            + "every session held at their offices; partners those with their agency's advisors")
    @Transactional
    public Page<BookingJson> search(@QueryParam("office") Long office, @QueryParam("day") String dayText,
                                    @QueryParam("from") String fromText, @QueryParam("to") String toText,
                                    @QueryParam("advisor") Long advisor, @QueryParam("agency") Long agency,
                                    @QueryParam("status") BookingStatus status, @QueryParam("client") Long client,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        LocalDate day = day("day", dayText);
        LocalDate from = day("from", fromText);
        LocalDate to = day("to", toText);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must be on or after from");
        }
        Set<Long> offices = caller.officeScope().filter(s -> caller.agencyScope().isEmpty()).orElse(null);
        Long ownAgency = caller.agencyScope().orElse(null);
        return Listing.of(em, Booking.class, "startsAt")
                .when(offices, (cb, b, query) -> BookingAccess.seenByStaffOf(offices, cb, b, query))
                .when(ownAgency, (cb, b) -> b.get("advisorId").in(agencyAdvisors(ownAgency)))
                .when(office, (cb, b) -> cb.equal(b.get("officeId"), office))
                .when(day, (cb, b) -> cb.and(
                        cb.greaterThanOrEqualTo(b.get("startsAt"), Clocks.at(day, LocalTime.MIDNIGHT)),
                        cb.lessThan(b.get("startsAt"), Clocks.at(day.plusDays(1), LocalTime.MIDNIGHT))))
                .when(from, (cb, b) -> cb.greaterThanOrEqualTo(b.get("startsAt"), Clocks.at(from, LocalTime.MIDNIGHT)))
                .when(to, (cb, b) -> cb.lessThan(b.get("startsAt"), Clocks.at(to.plusDays(1), LocalTime.MIDNIGHT)))
                .when(advisor, (cb, b) -> cb.equal(b.get("advisorId"), advisor))
                .when(agency, (cb, b) -> b.get("advisorId").in(agencyAdvisors(agency)))
                .when(status, (cb, b) -> cb.equal(b.get("status"), status))
                .when(client, (cb, b) -> cb.equal(b.get("clientId"), client))
                .page(page, size)
                .map(access::json);
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response get(@PathParam("id") long id) {
        return access.answer(access.readable(id), Response.Status.OK);
    }

    @POST
    @Operation(summary = "Book a session", description = "From a hold (holdId) or directly from a slot; "
            + "a retried request with the same Idempotency-Key returns the same booking")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response book(@Valid BookingRequest body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return metrics.measure(BookingMetrics.Request.BOOKING, () -> bookOnce(body, key));
    }

    private Response bookOnce(BookingRequest body, String key) {
        if (body == null) {
            throw new InvalidInput("serviceId", "send the slot (or holdId) and the client");
        }
        AuditEvent.Actor actor = caller.actor();
        IdempotencyKeys.Purpose purpose = IdempotencyKeys.Purpose.BOOKING;
        try {
            // The replay check, the scope checks, the booking and the answer in one transaction on one connection.
            return transactions.inOne(() -> answered(idempotency.firstOrReplay(purpose, key, actor, scopedKey -> {
                if (body.holdId() != null) {
                    access.readable(body.holdId());
                    return bookings.confirm(body.holdId(), body.referral(), actor);
                } else if (body.client() != null) {
                    access.office(body.officeId());
                    access.clientOffice(body.client().officeId());
                    Office office = Lookup.reference(em, Office.class, body.client().officeId(), "client.officeId");
                    return bookings.bookNewClient(body.wanted(null), body.client().contact(), office,
                            body.referral(), actor, scopedKey);
                } else {
                    access.office(body.officeId());
                    access.client(body.clientId());
                    return bookings.book(body.wanted(body.clientId()), body.referral(), actor, scopedKey);
                }
            })));
        } catch (RuntimeException failed) {
            // Rolled back: a retry that raced its own first attempt answers with what that attempt made.
            var won = idempotency.wonMeanwhile(purpose, key, actor);
            if (won.isPresent()) {
                return access.answer(won.get());
            }
            if (!(failed instanceof SlotTaken) && !(failed instanceof SlotUnavailable)) {
                throw failed;
            }
            // A hold that cannot be booked any more gets alternatives around its own slot, like any request.
            BookingRequest asked = body.holdId() == null ? body : sameSlotAs(access.readable(body.holdId()), access);
            throw failed instanceof SlotTaken taken ? withAlternatives(taken, asked)
                    : ((SlotUnavailable) failed).withAlternatives(alternatives(asked));
        }
    }

    /** The answer built inside the transaction, after its last write: the ETag must name the version committed. */
    private Response answered(IdempotencyKeys.Outcome outcome) {
        em.flush();
        return access.answer(outcome);
    }

    @POST
    @Path("walk-in")
    @Operation(summary = "Book the next free session today at this office for this service")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response walkIn(WalkInJson body) {
        return metrics.measure(BookingMetrics.Request.BOOKING, () -> walkInNow(body));
    }

    private Response walkInNow(WalkInJson body) {
        if (body == null || body.serviceId() == null || body.officeId() == null) {
            throw new InvalidInput("serviceId", "serviceId, officeId and clientId are required");
        }
        access.office(body.officeId());
        access.client(body.clientId());
        Booking booking = walkIns.bookNextToday(body.serviceId(), body.officeId(), body.clientId(), body.mode(),
                new Booking.Referral(body.referralNote(), Boolean.TRUE.equals(body.consentToShare())),
                caller.actor());
        return access.answer(booking, Response.Status.CREATED);
    }

    @POST
    @Path("{id}/reschedule")
    @Operation(summary = "Move a booking to another slot (same booking, SEQUENCE + 1)",
            description = "A partner moves its own agency's bookings (after leave or a closure), and only to one of "
                    + "its own advisors: advisorId is then required")
    @RolesAllowed({ADMIN, COUNTER_STAFF, PARTNER})
    public Response reschedule(@PathParam("id") long id, RescheduleJson body) {
        Booking current = access.readable(id);
        if (body == null || body.start() == null) {
            throw new InvalidInput("start", "is required");
        }
        if (caller.is(Role.PARTNER)) {
            ownAdvisor(body.advisorId());
            // A partner moves a session in time (leave, a closure), not to another SSO or way of meeting: where and
            // how the client comes was agreed at the counter, and only the SSO may change it.
            if (body.officeId() != null && body.officeId() != current.officeId()) {
                throw new InvalidInput("officeId", "a partner agency moves a session in time only; the SSO stays "
                        + "as booked (ask the SSO to change it)");
            }
            if (body.mode() != null && body.mode() != current.mode()) {
                throw new InvalidInput("mode", "a partner agency moves a session in time only; the way the client "
                        + "meets the advisor stays as booked (ask the SSO to change it)");
            }
        }
        access.office(body.officeId());
        BookingRequest around = new BookingRequest(null, current.serviceId(), body.officeId() == null
                ? current.officeId() : body.officeId(), body.mode(), body.start(), null, null,
                access.looksAfterClient(current) ? current.clientId() : null, null, null, null);
        try {
            Booking moved = bookings.reschedule(id, ETags.ifMatch(headers), new Bookings.Wanted(
                    current.serviceId(), body.officeId(), body.mode(), body.start().toInstant(), body.advisorId(),
                    body.roomId(), current.clientId()), caller.actor());
            return access.answer(moved, Response.Status.OK);
        } catch (SlotTaken taken) {
            throw withAlternatives(taken, around);
        } catch (SlotUnavailable unavailable) {
            // "The advisor is not free then" gets the nearest free times too, as a hold's refusal does.
            throw unavailable.withAlternatives(alternatives(around));
        }
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a booking, with a reason; frees its slot")
    @RolesAllowed({ADMIN, COUNTER_STAFF, PARTNER})
    public Response cancel(@PathParam("id") long id, CancelJson body) {
        access.readable(id);
        Booking cancelled = bookings.cancel(id, ETags.ifMatch(headers), body == null ? null : body.reason(),
                caller.actor());
        return access.answer(cancelled, Response.Status.OK);
    }

    @POST
    @Path("{id}/check-in")
    @Operation(summary = "The client has arrived at the counter")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response checkIn(@PathParam("id") long id) {
        access.readable(id);
        return access.answer(bookings.checkIn(id, ETags.ifMatch(headers), caller.actor()),
                Response.Status.OK);
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "The advisor starts the session")
    @RolesAllowed({ADMIN, PARTNER})
    public Response start(@PathParam("id") long id) {
        access.readable(id);
        return access.answer(bookings.start(id, ETags.ifMatch(headers), caller.actor()), Response.Status.OK);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Record the outcome: ATTENDED, FOLLOW_UP_NEEDED or REFERRED_ON (with a note)")
    @RolesAllowed({ADMIN, PARTNER})
    public Response complete(@PathParam("id") long id, OutcomeJson body) {
        access.readable(id);
        return access.answer(bookings.complete(id, ETags.ifMatch(headers),
                body == null ? null : body.outcome(), body == null ? null : body.note(), caller.actor()),
                Response.Status.OK);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every change to the booking: who, role, when, what, before → after")
    @Transactional
    public List<AuditJson> history(@PathParam("id") long id) {
        access.readable(id);
        return audit.about("Booking", id).stream().map(AuditJson::of).toList();
    }

    @GET
    @Path("{id}/alternatives")
    @Operation(summary = "Other slots for this booking: the same advisor first, then any advisor of the service")
    @Transactional
    public List<sg.linkup.availability.boundary.SlotJson> alternatives(@PathParam("id") long id,
                                                                        @QueryParam("limit") Integer limit) {
        Booking booking = access.readable(id);
        return Alternatives.of(search, booking, limit == null ? 5 : limit, clock.instant(),
                access.looksAfterClient(booking));
    }

    /** A partner may hand a session only to an advisor of its own agency (the same words as a missing one). */
    private void ownAdvisor(Long advisorId) {
        Advisor advisor = advisorId == null ? null : em.find(Advisor.class, advisorId);
        if (advisor == null || !caller.reachesAgency(advisor.agency().id())) {
            throw new InvalidInput("advisorId", "choose one of your agency's advisors");
        }
    }

    @POST
    @Path("no-shows")
    @Operation(summary = "Mark no-shows now (the scheduler does it every minute on every node)")
    @RolesAllowed(ADMIN)
    public List<Long> sweepNoShows() {
        return bookings.sweepNoShows(500);
    }

    /** "Who, role, when, what, before → after" of one change. */
    @Schema(name = "BookingChange")
    public record AuditJson(java.time.Instant at, String actor, String role, String scope, String action,
                            String detail) {
        static AuditJson of(sg.linkup.audit.entity.AuditEvent e) {
            return new AuditJson(e.occurredAt(), e.actor(), e.role(), e.scope(), e.action(), e.detail());
        }
    }

    private static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Clocks.plausible(parameter, LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(parameter, "a Singapore date such as 2026-12-01");
        }
    }

    /** A hold's slot as a request, so a hold that cannot be booked any more gets alternatives like any request. */
    private static BookingRequest sameSlotAs(Booking hold, BookingAccess access) {
        return new BookingRequest(null, hold.serviceId(), hold.officeId(), hold.mode(),
                hold.session().start().atZone(Clocks.SINGAPORE).toOffsetDateTime(), null, null,
                access.looksAfterClient(hold) ? hold.clientId() : null, null, null, null);
    }

    private SlotTaken withAlternatives(SlotTaken taken, BookingRequest asked) {
        return taken.withAlternatives(alternatives(asked));
    }

    private jakarta.json.JsonArray alternatives(BookingRequest asked) {
        return Alternatives.around(search, asked, clock.instant());
    }

    private List<Long> agencyAdvisors(long agency) {
        List<Long> ids = advisors.idsOfAgency(agency);
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
