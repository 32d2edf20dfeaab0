package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>A booking's slot check may lock its resources first ({@link #lock}) and decide from the one overlap read
 * taken under those locks, which this ledger then also uses for its own check ({@link #occupy(Locked, Collection,
 * Instant, LongSupplier)}): the read the slot check needs and the read the ledger needs are the same statement.
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

    /** One resource: what is locked and read. Ordered as locks are always taken, so two bookings cannot deadlock. */
    public record Key(Resource resource, long id) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::resource).thenComparingLong(Key::id);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** Live occupancy of some resources over one window (bookings, and holds not expired), read in one statement. */
    public static final class Occupied {
        private final Map<Resource, Map<Long, List<TimeRange>>> rows;

        Occupied(Map<Resource, Map<Long, List<TimeRange>>> rows) {
            this.rows = rows;
        }

        /** Busy times per resource of this kind; resources without any are absent. */
        public Map<Long, List<TimeRange>> of(Resource resource) {
            return rows.getOrDefault(resource, Map.of());
        }

        List<TimeRange> of(Key key) {
            return of(key.resource()).getOrDefault(key.id(), List.of());
        }
    }

    /**
     * Resources locked in the current transaction, with their live occupancy over {@code window} read after the
     * locks (leaving out the rows of {@code own}, the booking being moved, if any). While the transaction lasts,
     * nobody else can add a row for these resources, so the read stays true and a claim inside the window can be
     * decided from it.
     */
    public static final class Locked {
        private final Set<Key> keys;
        private final TimeRange window;
        private final Long own;
        private final Occupied occupied;

        Locked(Set<Key> keys, TimeRange window, Long own, Occupied occupied) {
            this.keys = Set.copyOf(keys);
            this.window = window;
            this.own = own;
            this.occupied = occupied;
        }

        public Occupied occupied() {
            return occupied;
        }

        /** Refuses with {@link SlotTaken} at the first claim (in lock order) someone else holds. */
        private List<Claim> refuseTaken(Collection<Claim> claims) {
            List<Claim> ordered = ordered(claims);
            for (Claim claim : ordered) {
                Key key = new Key(claim.resource(), claim.resourceId());
                if (!keys.contains(key) || !window.contains(claim.range())) {
                    // A caller bug, not a lost race: deciding from a read that did not cover the claim would be a guess.
                    throw new IllegalStateException(claim + " was not locked and read over " + window);
                }
                if (occupied.of(key).stream().anyMatch(claim.range()::overlaps)) {
                    throw new SlotTaken(claim.resource(), claim.resourceId(), claim.range());
                }
            }
            return ordered;
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
        return occupy(lock(keys(claims), span(claims), now, null), claims, expiresAt, booking);
    }

    /**
     * {@link #occupy(Collection, Instant, Instant, LongSupplier)} with the resources already locked and read by
     * {@link #lock} in this transaction: the claims are decided from that read, without reading again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long occupy(Locked locked, Collection<Claim> claims, Instant expiresAt, LongSupplier booking) {
        if (locked.own != null) {
            throw new IllegalStateException("a new booking was read as if it were booking " + locked.own);
        }
        List<Claim> ordered = locked.refuseTaken(claims);
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
        replace(lock(keys(claims), span(claims), now, bookingId), bookingId, claims, expiresAt);
    }

    /** {@link #replace(long, Collection, Instant, Instant)} with the resources already locked and read by {@link #lock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Locked locked, long bookingId, Collection<Claim> claims, Instant expiresAt) {
        if (locked.own == null || locked.own != bookingId) {
            throw new IllegalStateException("booking " + bookingId + " was read as " + locked.own);
        }
        List<Claim> ordered = locked.refuseTaken(claims);
        release(bookingId);
        write(bookingId, ordered, expiresAt);
    }

    /**
     * Locks the resources' rows in the one global order, then reads their live occupancy over {@code window} in one
     * statement, leaving out the rows of {@code own} (a booking being moved; null for a new one). A resource that
     * does not exist is bad input.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(Collection<Key> keys, TimeRange window, Instant now, Long own) {
        List<Key> ordered = keys.stream().distinct().sorted().toList();
        for (Key key : ordered) {
            lock(key.resource(), key.id());
        }
        Map<Resource, List<Long>> ids = new EnumMap<>(Resource.class);
        ordered.forEach(key -> ids.computeIfAbsent(key.resource(), r -> new ArrayList<>()).add(key.id()));
        return new Locked(Set.copyOf(ordered), window, own, read(ids, window, now, own));
    }

    private static List<Claim> ordered(Collection<Claim> claims) {
        return claims.stream()
                .sorted(Comparator.comparing((Claim c) -> new Key(c.resource(), c.resourceId())))
                .toList();
    }

    private static List<Key> keys(Collection<Claim> claims) {
        return claims.stream().map(c -> new Key(c.resource(), c.resourceId())).toList();
    }

    /** The least window that covers every claim (advisor and room claims include the buffers, the client's not). */
    private static TimeRange span(Collection<Claim> claims) {
        Instant start = claims.stream().map(c -> c.range().start()).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = claims.stream().map(c -> c.range().end()).max(Comparator.naturalOrder()).orElseThrow();
        return new TimeRange(start, end);
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
     * Busy times per resource over the window, for slot search: the live rows of {@link #live}, of every kind
     * asked, in one statement; the rows of {@code ignoreBooking} (if not null) are left out. Kinds with no ids
     * are not asked about. Times come back as epoch microseconds: a search reads a couple of thousand rows, and
     * the driver's date-time decoding (a calendar per value, behind a lock) was a quarter of a search's time.
     */
    public Occupied read(Map<Resource, ? extends Collection<Long>> ids, TimeRange window, Instant now,
                         Long ignoreBooking) {
        Map<Resource, Map<Long, List<TimeRange>>> busy = new EnumMap<>(Resource.class);
        List<Resource> asked = ids.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .sorted().toList();
        if (asked.isEmpty()) {
            return new Occupied(busy);
        }
        StringBuilder which = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Resource resource : asked) {
            Collection<Long> some = ids.get(resource);
            which.append(which.isEmpty() ? "" : " OR ").append("(resource_kind = ? AND resource_id IN (")
                    .append(String.join(", ", Collections.nCopies(some.size(), "?"))).append("))");
            parameters.add(resource.name());
            parameters.addAll(some);
        }
        parameters.addAll(List.of(Timestamp.from(window.start().minus(MAX_SPAN)), Timestamp.from(window.end()),
                Timestamp.from(window.start()), Timestamp.from(now), ignoreBooking == null ? -1L : ignoreBooking));
        var query = em.createNativeQuery("""
                SELECT resource_kind, resource_id, TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', starts_at),
                       TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ends_at)
                FROM occupancy
                WHERE (%s)
                  AND starts_at > ? AND starts_at < ? AND ends_at > ?
                  AND (expires_at IS NULL OR expires_at > ?) AND booking_id <> ?""".formatted(which));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            busy.computeIfAbsent(Resource.valueOf((String) row[0]), r -> new HashMap<>())
                    .computeIfAbsent(((Number) row[1]).longValue(), id -> new ArrayList<>())
                    .add(new TimeRange(micros(row[2]), micros(row[3])));
        }
        return new Occupied(busy);
    }

    private static Instant micros(Object epochMicros) {
        long micros = ((Number) epochMicros).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
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
