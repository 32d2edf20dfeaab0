package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.WaitlistEntry;
import sg.linkup.platform.NotFound;

/**
 * The waitlist: when a slot frees up (a cancel, a reschedule, a released hold) the entries of that service are
 * offered slots in priority order — urgent first, then first come — asynchronously once the freeing transaction
 * has committed ({@link FreedSlots}), so the counter's request is not slowed. New availability
 * and lapsed offers are picked up by the scheduler's sweep within a minute.
 */
@ApplicationScoped
public class Waitlist {

    private static final Logger LOG = Logger.getLogger(Waitlist.class.getName());
    /** Entries looked at per trigger: enough for a busy service, bounded for a runaway queue. */
    static final int MOST_ENTRIES = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    WaitlistOffers offers;

    @Inject
    Bookings bookings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Offers slots to the waiting entries of a service, best first; returns how many got one. */
    public int offerOpenings(long serviceId) {
        List<Long> entries = offers.candidates(serviceId, MOST_ENTRIES);
        int offered = 0;
        for (Long entry : entries) {
            try {
                if (offers.offerTo(entry)) {
                    offered++;
                }
            } catch (RuntimeException e) {
                // Another booking took the slot first, or the entry changed: the next trigger tries again.
                LOG.log(Level.FINE, "No offer for waitlist entry " + entry, e);
            }
        }
        return offered;
    }

    @Transactional
    public WaitlistEntry add(WaitlistEntry entry, Actor actor) {
        em.persist(entry);
        em.flush();
        audit.record(actor, "WAITLIST_JOINED", "WaitlistEntry", entry.id(),
                "client " + entry.clientId() + (entry.urgent() ? ", urgent" : ""));
        return entry;
    }

    public WaitlistEntry find(long id) {
        WaitlistEntry entry = em.find(WaitlistEntry.class, id);
        if (entry == null) {
            throw new NotFound("WaitlistEntry", id);
        }
        return entry;
    }

    /** The client takes the offered slot: the hold becomes a booking. */
    @Transactional
    public Booking accept(long id, Actor actor) {
        WaitlistEntry entry = find(id);
        entry.accepted();
        Booking booking = bookings.confirm(entry.offerBookingId(), new Booking.Referral(null, false), actor);
        audit.record(actor, "WAITLIST_ACCEPTED", "WaitlistEntry", id, "booking " + booking.id());
        return booking;
    }

    /** The client turns the offer down: the slot is let go and offered to the next entry. */
    @Transactional
    public WaitlistEntry decline(long id, Actor actor) {
        WaitlistEntry entry = find(id);
        Long hold = entry.offerBookingId();
        entry.declined();
        releaseOffer(hold, actor);
        audit.record(actor, "WAITLIST_DECLINED", "WaitlistEntry", id, null);
        return entry;
    }

    @Transactional
    public WaitlistEntry withdraw(long id, Actor actor) {
        WaitlistEntry entry = find(id);
        Long hold = entry.offerBookingId();
        entry.withdraw();
        releaseOffer(hold, actor);
        audit.record(actor, "WAITLIST_WITHDRAWN", "WaitlistEntry", id, null);
        return entry;
    }

    /** An offer's hold still pending is let go, so its slot goes to the next client. */
    private void releaseOffer(Long hold, Actor actor) {
        if (hold != null && em.find(Booking.class, hold).status() == BookingStatus.HELD) {
            bookings.release(hold, actor);
        }
    }
}
