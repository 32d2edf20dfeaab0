package sg.linkup.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.WaitlistEntry;
import sg.linkup.directory.entity.Service;
import sg.linkup.platform.Clocks;

/**
 * One offer to one waitlist entry, in its own transaction: the entry is locked (two nodes cannot offer to it at
 * once), its earliest free slot is searched and held for the client for {@code linkup.waitlist.offer-minutes}.
 * A slot lost to a quicker booking rolls back this offer only.
 */
@ApplicationScoped
public class WaitlistOffers {

    static final Actor SYSTEM = new Actor("system", null, "waitlist");

    @PersistenceContext
    EntityManager em;

    @Inject
    SlotSearch search;

    @Inject
    Bookings bookings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<BookingChanged> changed;

    @Inject
    @ConfigProperty(name = "linkup.waitlist.offer-minutes", defaultValue = "30")
    int offerMinutes;

    /** Entries of the service that may get an offer, best first: urgent, then first come. */
    @Transactional
    public List<Long> candidates(long serviceId, int most) {
        return em.createQuery("""
                        SELECT e.id FROM WaitlistEntry e
                        WHERE e.serviceId = :service AND e.status IN :statuses AND e.lastDay >= :today
                        ORDER BY e.urgent DESC, e.createdAt, e.id""", Long.class)
                .setParameter("service", serviceId)
                .setParameter("statuses", List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED))
                .setParameter("today", Clocks.dateIn(clock.instant()))
                .setMaxResults(most)
                .getResultList();
    }

    /** Services that have clients waiting: what the periodic sweep looks at. */
    @Transactional
    public List<Long> servicesWithWaiters() {
        return em.createQuery("""
                        SELECT DISTINCT e.serviceId FROM WaitlistEntry e
                        WHERE e.status IN :statuses AND e.lastDay >= :today""", Long.class)
                .setParameter("statuses", List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED))
                .setParameter("today", Clocks.dateIn(clock.instant()))
                .getResultList();
    }

    /** The entries of these clients that have an offer out, oldest first. */
    public List<WaitlistEntry> offeredTo(Collection<Long> clientIds) {
        return em.createQuery("""
                        SELECT e FROM WaitlistEntry e WHERE e.clientId IN :clients AND e.status = :offered
                        ORDER BY e.id""", WaitlistEntry.class)
                .setParameter("clients", clientIds)
                .setParameter("offered", WaitlistEntry.Status.OFFERED)
                .getResultList();
    }

    /** Whether the entry got an offer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean offerTo(long entryId) {
        Instant now = clock.instant();
        WaitlistEntry entry = em.find(WaitlistEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        Booking current = entry.offerBookingId() == null ? null : em.find(Booking.class, entry.offerBookingId());
        if (!entry.awaitsOffer(current, now)) {
            return false;
        }
        if (current != null && current.status() == BookingStatus.HELD) {
            bookings.release(current.id(), SYSTEM);  // the lapsed offer: tidy it before the next
        }
        Instant from = Clocks.at(entry.firstDay(), LocalTime.MIDNIGHT);
        from = from.isBefore(now) ? now : from;
        Instant to = Clocks.at(entry.lastDay().plusDays(1), LocalTime.MIDNIGHT);
        // An entry may wait longer than the service books ahead: search the part of it that can be booked today.
        Instant horizon = now.plus(Duration.ofDays(em.find(Service.class, entry.serviceId()).terms().horizonDays()));
        to = to.isAfter(horizon) ? horizon : to;
        if (!to.isAfter(from)) {
            return false;
        }
        List<Long> offices = new ArrayList<>(entry.officeIds());
        var found = search.search(SlotSearch.Query.of(entry.serviceId(), offices, null, from, to)
                .forClient(entry.clientId()).first(1));
        if (found.slots().isEmpty()) {
            return false;
        }
        var slot = found.slots().get(0);
        Booking hold = bookings.hold(new Bookings.Wanted(entry.serviceId(), slot.officeId(), slot.mode(),
                slot.session().start(), slot.advisorId(), slot.roomId(), entry.clientId()), SYSTEM, null,
                Duration.ofMinutes(offerMinutes));
        entry.offer(hold.id());
        audit.record(SYSTEM, "WAITLIST_OFFERED", "WaitlistEntry", entryId, "hold " + hold.id() + " "
                + hold.describe());
        changed.fire(new BookingChanged(hold.id(), BookingChanged.Change.OFFERED, SYSTEM));
        return true;
    }
}
