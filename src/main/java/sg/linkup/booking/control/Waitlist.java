package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.availability.control.SlotTaken;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.WaitlistEntry;
import sg.linkup.client.control.Clients;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;

/**
 * The waitlist: when a slot frees up (a cancel, a reschedule, a released hold) the entries of that service are
 * offered slots in priority order — urgent first, then first come — asynchronously once the freeing transaction
 * has committed ({@link FreedSlots}), so the counter's request is not slowed. New availability and lapsed
 * offers are picked up by the scheduler's sweep within a minute. An offer that fails for any reason but a lost
 * race is logged at WARNING with an incident id and counted in {@value #OFFER_FAILURES}.
 */
@ApplicationScoped
public class Waitlist {

    private static final Logger LOG = Logger.getLogger(Waitlist.class.getName());
    /** Entries looked at per trigger: enough for a busy service, bounded for a runaway queue. */
    static final int MOST_ENTRIES = 50;
    /** In /metrics: linkup_waitlist_offer_failures_total. Above zero means a waiting client may never get an offer. */
    static final String OFFER_FAILURES = "linkup.waitlist.offer.failures";

    @PersistenceContext
    EntityManager em;

    @Inject
    WaitlistOffers offers;

    @Inject
    Bookings bookings;

    @Inject
    AuditTrail audit;

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Inject
    @Metric(name = OFFER_FAILURES, absolute = true,
            description = "Waitlist offers that failed with an error (not a slot lost to a quicker booking)")
    Counter offerFailures;

    /**
     * Creates the waitlist, and with it its counter, when the application starts: /metrics then shows the
     * counter at 0, and the first failure is an increase a rate() alert sees, not a new series starting at 1.
     */
    void countFailuresFromTheStart(@Observes Startup start) {
        // Being called is the point: the container created this bean, and injected the counter, to call it.
    }

    /** Offers slots to the waiting entries of a service, best first; returns how many got one. */
    public int offerOpenings(long serviceId) {
        List<Long> entries = offers.candidates(serviceId, MOST_ENTRIES);
        int offered = 0;
        for (Long entry : entries) {
            try {
                if (offers.offerTo(entry)) {
                    offered++;
                }
            } catch (SlotTaken | SlotUnavailable | InvalidInput refused) {
                // A quicker booking took the slot between search and hold, or the service or an office is no
                // longer offered: the catalogue's answer, not a fault. The next trigger tries again.
                LOG.log(Level.FINE, "No offer for waitlist entry " + entry + ": " + refused.getMessage());
            } catch (RuntimeException e) {
                // Anything else is a fault that would recur on every trigger: make it seen, then serve the others.
                failed("No offer for waitlist entry " + entry, e);
            }
        }
        if (offered > 0) {
            // Which node made how many offers: every node sweeps, and the log shows how the work was shared.
            LOG.info("Waitlist: " + offered + " offer(s) made for service " + serviceId);
        }
        return offered;
    }

    /** A fault in offering: logged with an incident id an operator can quote, and counted in /metrics. */
    void failed(String what, RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        offerFailures.inc();
        LOG.log(Level.WARNING, what + ", incident " + incident, e);
    }

    @Transactional
    public WaitlistEntry add(WaitlistEntry entry, Actor actor) {
        em.persist(entry);
        em.flush();
        // Asked after the insert: its foreign key waits for a retention sweep that holds the client's row, so a
        // client anonymised meanwhile is seen here and the entry goes with this transaction.
        if (clients.isAnonymised(entry.clientId())) {
            throw new InvalidInput("clientId", "client " + entry.clientId() + " was anonymised; register them again");
        }
        audit.record(actor, "WAITLIST_JOINED", "WaitlistEntry", entry.id(),
                "client " + entry.clientId() + (entry.urgent() ? ", urgent" : ""));
        return entry;
    }

    /** Of these clients, those with an entry still waiting or holding an offer: the retention sweep keeps them. */
    public Set<Long> waiting(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("""
                        SELECT DISTINCT e.clientId FROM WaitlistEntry e
                        WHERE e.clientId IN :clients AND e.status IN :open""", Long.class)
                .setParameter("clients", clientIds)
                .setParameter("open", List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED))
                .getResultList());
    }

    public WaitlistEntry find(long id) {
        WaitlistEntry entry = em.find(WaitlistEntry.class, id);
        if (entry == null) {
            throw new NotFound("WaitlistEntry", id);
        }
        return entry;
    }

    /**
     * The client takes the offered slot: the hold becomes a booking. Its own transaction, so that an SMS reply
     * whose offer was just lost can still answer; the entry is locked first, as an offer locks it first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Booking accept(long id, Actor actor) {
        WaitlistEntry entry = em.find(WaitlistEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFound("WaitlistEntry", id);
        }
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
