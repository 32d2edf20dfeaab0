package sg.linkup.booking.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.control.IdempotencyKeys;
import sg.linkup.booking.entity.Booking;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Office;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.security.control.Caller;
import sg.linkup.security.entity.Role;

/**
 * Who may see which booking. A client is served at whichever SSO suits them (no wrong door), so SSO staff see the
 * bookings of their offices' clients wherever the session is held, and every session held at their offices
 * whoever's client it is (they check the client in). Partners see the bookings with their own agency's advisors,
 * admins all; anything else answers 404. The client record stays with the client's office: a booking shows every
 * caller only the client's id, first name, language and office, never their contact details, so the session's
 * office reads no more than it needs to greet the client, and reading the client itself stays audited and theirs.
 * Also the ETag / If-Match of every booking answer.
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
        if (caller.reachesOffice(booking.officeId())) {
            return true;
        }
        Client client = em.find(Client.class, booking.clientId());
        return client != null && caller.reachesOffice(client.officeId());
    }

    /**
     * Whether the caller looks after the booking's client (their office's client, or an admin): only then may
     * the client's other appointments shape what is offered — the session office's staff and partners see free
     * times that ignore them, as slot search with {@code client=} is the client office's alone.
     */
    boolean looksAfterClient(Booking booking) {
        if (caller.is(Role.PARTNER)) {
            return false;
        }
        Client client = em.find(Client.class, booking.clientId());
        return client != null && caller.reachesOffice(client.officeId());
    }

    /** The rule of {@link #reaches} for a list of bookings, for staff of these offices. */
    static Predicate seenByStaffOf(Set<Long> offices, CriteriaBuilder cb, Root<Booking> booking,
                                   AbstractQuery<?> query) {
        if (offices.isEmpty()) {
            return cb.disjunction();
        }
        return cb.or(booking.get("officeId").in(offices),
                booking.get("clientId").in(Client.idsLookedAfterBy(offices, query)));
    }

    /**
     * A client id in a request must be one of the caller's offices' clients (same words as a missing one), and
     * one who can still be booked: not anonymised (the ledger checks that again under the client's lock).
     */
    Client client(Long clientId) {
        Client client = clientId == null ? null : em.find(Client.class, clientId);
        if (client == null || !caller.reachesOffice(client.officeId())) {
            throw new InvalidInput("clientId", "no client with id " + clientId);
        }
        if (client.isAnonymised()) {
            throw new InvalidInput("clientId", "client " + clientId + " was anonymised; register them again");
        }
        return client;
    }

    /** Where a session is held, when given: any active SSO, whichever the caller works at (no wrong door). */
    void office(Long officeId) {
        if (officeId != null) {
            activeOffice(officeId, "officeId");
        }
    }

    void activeOffice(Long officeId, String field) {
        Office office = officeId == null ? null : em.find(Office.class, officeId);
        if (office == null || !office.isActive()) {
            throw new InvalidInput(field, "no active office with id " + officeId);
        }
    }

    /** Where a client new to Linkup is registered: one of the caller's offices, which then looks after them. */
    void clientOffice(Long officeId) {
        if (officeId != null && !caller.reachesOffice(officeId)) {
            throw new InvalidInput("client.officeId", "no active office with id " + officeId);
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
