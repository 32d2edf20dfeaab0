package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import sg.linkup.availability.entity.Occupancy;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.platform.InvalidInput;

/**
 * The rule that stops double booking, in one place. A booking or hold occupies its advisor, room and client
 * by writing one {@link Occupancy} row each. Before writing, it locks the resources' own catalogue rows
 * ({@code SELECT … FOR UPDATE}, always in the same order so two bookings cannot deadlock each other) and only
 * then looks for a live overlapping row. Whoever holds a resource's lock is the only transaction that can
 * check and write that resource, on any node, because the lock lives in the database.
 *
 * <p>The overlap check must see rows committed by the previous lock holder, so the pool runs at READ
 * COMMITTED (see {@code Database}); under REPEATABLE READ an older snapshot could hide them.
 *
 * <p>Why not a unique key on fixed time cells? It would need a row per resource per 5 minutes (36 rows for
 * an hour-long session), and an expired hold would keep its cells until someone deleted them; row locks keep
 * one row per resource, let holds lapse by time alone, and cost one indexed lookup per resource.
 */
@ApplicationScoped
public class OccupancyLedger {

    /** No occupancy is longer than this, so "what overlaps this window?" reads only the window (see V2). */
    public static final Duration MAX_SPAN = Duration.ofHours(12);

    @PersistenceContext
    EntityManager em;

    /** One resource wanted for one range (for advisors and rooms: the session widened by its buffers). */
    public record Claim(Resource resource, long resourceId, TimeRange range) {
        public Claim {
            if (range.length().compareTo(MAX_SPAN) > 0) {
                throw new InvalidInput("end", "a session with its buffers may last at most " + MAX_SPAN.toHours()
                        + " hours");
            }
        }
    }

    /**
     * Takes every claimed resource for a booking or hold that does not exist yet, or none: the first one already
     * taken ends the caller's transaction with {@link SlotTaken}. Once every resource is locked and free,
     * {@code booking} writes it and returns its id; {@code expiresAt} is set for a hold and null for a booking. Writing the booking row only
     * after the locks matters: its foreign keys take shared locks on the same rows, and taking those first
     * would let two bookings deadlock on each other's upgrade.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long occupy(Collection<Claim> claims, Instant expiresAt, Instant now, LongSupplier booking) {
        List<Claim> ordered = lockedAndFree(claims, now, null);
        long bookingId = booking.getAsLong();
        write(bookingId, ordered, expiresAt);
        return bookingId;
    }

    /**
     * A booking's (or hold's) rows move to {@code claims}: a hold that becomes a booking, a booking that is
     * rescheduled. The resources are locked in the same order as for a new booking and checked for any other
     * live row under those locks; only then do the old rows go and the new ones come. Nothing is decided from
     * the rows' own expiry: whether this node thinks a hold has lapsed or not, anyone else who took the time
     * meanwhile holds a live row that this check sees, so the answer is {@link SlotTaken}, never a second live
     * row. {@code expiresAt} is null for a booking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(long bookingId, Collection<Claim> claims, Instant expiresAt, Instant now) {
        List<Claim> ordered = lockedAndFree(claims, now, bookingId);
        release(bookingId);
        write(bookingId, ordered, expiresAt);
    }

    /** Locks every claimed resource in one global order, then refuses if anyone but {@code own} holds one. */
    private List<Claim> lockedAndFree(Collection<Claim> claims, Instant now, Long own) {
        List<Claim> ordered = claims.stream()
                .sorted(Comparator.comparing(Claim::resource).thenComparingLong(Claim::resourceId))
                .toList();
        for (Claim claim : ordered) {
            lock(claim.resource(), claim.resourceId());
        }
        for (Claim claim : ordered) {
            if (!busy(claim.resource(), List.of(claim.resourceId()), claim.range(), now, own).isEmpty()) {
                throw new SlotTaken(claim.resource(), claim.resourceId(), claim.range());
            }
        }
        return ordered;
    }

    private void write(long bookingId, List<Claim> claims, Instant expiresAt) {
        for (Claim claim : claims) {
            em.persist(new Occupancy(claim.resource(), claim.resourceId(), claim.range(), bookingId, expiresAt));
        }
        em.flush();
    }

    /** Frees everything a booking or hold occupies (cancel, release, or before re-occupying on reschedule). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(long bookingId) {
        return em.createQuery("DELETE FROM Occupancy o WHERE o.bookingId = :booking")
                .setParameter("booking", bookingId)
                .executeUpdate();
    }

    /** Live rows of these resources that overlap the window: bookings, and holds not yet expired at now. */
    public List<Occupancy> live(Resource resource, Collection<Long> resourceIds, TimeRange window, Instant now) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT o FROM Occupancy o
                        WHERE o.resource = :resource AND o.resourceId IN :ids
                          AND o.startsAt > :lowest AND o.startsAt < :end AND o.endsAt > :start
                          AND (o.expiresAt IS NULL OR o.expiresAt > :now)
                        ORDER BY o.startsAt""", Occupancy.class)
                .setParameter("resource", resource)
                .setParameter("ids", resourceIds)
                .setParameter("lowest", window.start().minus(MAX_SPAN))
                .setParameter("start", window.start())
                .setParameter("end", window.end())
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * The same as {@link #live} as busy times per resource, read as plain values for slot search; the rows of
     * {@code ignoreBooking} (if not null) are left out.
     */
    public Map<Long, List<TimeRange>> busy(Resource resource, Collection<Long> resourceIds, TimeRange window,
                                           Instant now, Long ignoreBooking) {
        Map<Long, List<TimeRange>> busy = new HashMap<>();
        if (resourceIds.isEmpty()) {
            return busy;
        }
        List<Object[]> rows = em.createQuery("""
                        SELECT o.resourceId, o.startsAt, o.endsAt FROM Occupancy o
                        WHERE o.resource = :resource AND o.resourceId IN :ids
                          AND o.startsAt > :lowest AND o.startsAt < :end AND o.endsAt > :start
                          AND (o.expiresAt IS NULL OR o.expiresAt > :now) AND o.bookingId <> :ignore""", Object[].class)
                .setParameter("resource", resource)
                .setParameter("ignore", ignoreBooking == null ? -1L : ignoreBooking)
                .setParameter("ids", resourceIds)
                .setParameter("lowest", window.start().minus(MAX_SPAN))
                .setParameter("start", window.start())
                .setParameter("end", window.end())
                .setParameter("now", now)
                .getResultList();
        for (Object[] row : rows) {
            busy.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new TimeRange((Instant) row[1], (Instant) row[2]));
        }
        return busy;
    }

    private void lock(Resource resource, long id) {
        // The table name and condition come from the enum, never from input.
        String bookable = resource.bookableWhen() == null ? "" : " AND " + resource.bookableWhen();
        List<?> found = em.createNativeQuery("SELECT id FROM " + resource.table() + " WHERE id = ?" + bookable
                        + " FOR UPDATE")
                .setParameter(1, id)
                .getResultList();
        if (found.isEmpty()) {
            throw new InvalidInput(resource.table(), "no " + resource.table() + " with id " + id);
        }
    }
}
