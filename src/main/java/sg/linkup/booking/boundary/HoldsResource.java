package sg.linkup.booking.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.IdempotencyKeys;
import sg.linkup.booking.control.SlotUnavailable;
import sg.linkup.booking.entity.Booking;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Transactions;
import sg.linkup.security.control.Caller;

/**
 * Keeping a slot while the counter officer fills in the details. A hold lapses by itself after
 * {@code linkup.booking.hold-seconds}: the ledger stops counting it at that instant, with no job involved.
 * A slot someone else got first is a 409 with {@code alternatives}, as for a booking.
 */
@Path("holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@RolesAllowed({ADMIN, COUNTER_STAFF})
public class HoldsResource {

    @Inject
    Bookings bookings;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    BookingAccess access;

    @Inject
    Caller caller;

    @Inject
    SlotSearch search;

    @Inject
    Clock clock;

    @Inject
    BookingMetrics metrics;

    @Inject
    Transactions transactions;

    @PersistenceContext
    EntityManager em;

    @POST
    @Operation(summary = "Hold a slot for a client", description = "Book it with POST /api/bookings {holdId}; "
            + "a retried request with the same Idempotency-Key returns the same hold; a slot taken meanwhile is a 409 "
            + "with a few free alternatives")
    public Response hold(BookingRequest body, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return metrics.measure(BookingMetrics.Request.HOLD, () -> holdOnce(body, key));
    }

    private Response holdOnce(BookingRequest body, String key) {
        if (body == null) {
            throw new InvalidInput("serviceId", "send the slot and the client");
        }
        AuditEvent.Actor actor = caller.actor();
        IdempotencyKeys.Purpose purpose = IdempotencyKeys.Purpose.HOLD;
        try {
            // The replay check, the scope checks, the hold and the answer in one transaction on one connection.
            return transactions.inOne(() -> {
                var outcome = idempotency.firstOrReplay(purpose, key, actor, scopedKey -> {
                    access.office(body.officeId());
                    access.client(body.clientId());
                    return bookings.hold(body.wanted(body.clientId()), actor, scopedKey);
                });
                em.flush();  // the ETag names the version committed
                return access.answer(outcome);
            });
        } catch (RuntimeException failed) {
            // Rolled back: a retry that raced its own first attempt answers with what that attempt made.
            var won = idempotency.wonMeanwhile(purpose, key, actor);
            if (won.isPresent()) {
                return access.answer(won.get());
            }
            if (failed instanceof SlotTaken taken) {
                // Only reached past the scope checks above: the client is one the caller looks after.
                throw taken.withAlternatives(Alternatives.around(search, body, clock.instant()));
            }
            if (failed instanceof SlotUnavailable unavailable) {
                throw unavailable.withAlternatives(Alternatives.around(search, body, clock.instant()));
            }
            throw failed;
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Let a hold go: its slot is free at once")
    public Response release(@PathParam("id") long id) {
        access.readable(id);
        bookings.release(id, caller.actor());
        return Response.noContent().build();
    }
}
