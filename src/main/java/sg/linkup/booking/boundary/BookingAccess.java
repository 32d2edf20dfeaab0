package sg.linkup.booking.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.IdempotencyKeys;
import sg.linkup.booking.entity.Booking;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.security.control.Caller;
import sg.linkup.security.entity.Role;

/**
 * Who may see which booking: SSO staff the bookings of their offices, partners the bookings with their own
 * agency's advisors, admins all; anything else answers 404. Also the ETag / If-Match of every booking answer.
 */
@RequestScoped
public class BookingAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Bookings bookings;

    public Booking readable(long id) {
        Booking booking = bookings.find(id);
        if (!reaches(booking)) {
            throw new NotFound("Booking", id);
        }
        return booking;
    }

    boolean reaches(Booking booking) {
        if (caller.is(Role.PARTNER)) {
            Advisor advisor = em.find(Advisor.class, booking.advisorId());
            return advisor != null && caller.reachesAgency(advisor.agency().id());
        }
        return caller.reachesOffice(booking.officeId());
    }

    /** A client id in a request must be one of the caller's offices' clients (same words as a missing one). */
    Client client(Long clientId) {
        Client client = clientId == null ? null : em.find(Client.class, clientId);
        if (client == null || !caller.reachesOffice(client.officeId())) {
            throw new InvalidInput("clientId", "no client with id " + clientId);
        }
        return client;
    }

    void office(Long officeId) {
        if (officeId != null && !caller.reachesOffice(officeId)) {
            throw new InvalidInput("officeId", "no active office with id " + officeId);
        }
    }

    /** The version named by If-Match ("3" or W/"3"), or null when the caller sent none. */
    static Long ifMatch(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return null;
        }
        String digits = value.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "send the ETag of the booking as you read it, e.g. \"3\"");
        }
    }

    Response answer(Booking booking, Response.Status status) {
        Client client = em.find(Client.class, booking.clientId());
        return Response.status(status)
                .tag(new EntityTag(String.valueOf(booking.version())))
                .entity(BookingJson.of(booking, client, caller.is(Role.PARTNER)))
                .build();
    }

    /** 201 for what this request created; 200 for what an earlier request with its key made, if still readable. */
    Response answer(IdempotencyKeys.Outcome outcome) {
        return outcome.created() ? answer(outcome.booking(), Response.Status.CREATED)
                : answer(readable(outcome.booking().id()), Response.Status.OK);
    }

    BookingJson json(Booking booking) {
        return BookingJson.of(booking, em.find(Client.class, booking.clientId()), caller.is(Role.PARTNER));
    }
}
