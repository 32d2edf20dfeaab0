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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.availability.control.Catalogue;
import sg.linkup.availability.control.CatalogueCache;
import sg.linkup.availability.control.OccupancyLedger;
import sg.linkup.availability.control.OccupancyLedger.Claim;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.availability.entity.Resource;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.CancelledBy;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.Outcome;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.platform.PreconditionFailed;
import sg.linkup.security.entity.Role;
import sg.linkup.video.VideoMeetings;

/**
 * Every change to a booking, each one transaction: the slot is checked with the same search counters use,
 * the ledger takes (or frees) advisor, room and client, the booking records its new state, and the audit trail
 * records before → after. A losing race ends in the ledger's {@code SlotTaken} and nothing is kept.
 */
@ApplicationScoped
public class Bookings {

    @PersistenceContext
    EntityManager em;

    @Inject
    OccupancyLedger ledger;

    @Inject
    SlotSearch search;

    @Inject
    CatalogueCache catalogues;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    VideoMeetings video;

    @Inject
    Event<BookingChanged> changed;

    @Inject
    @ConfigProperty(name = "linkup.booking.hold-seconds", defaultValue = "600")
    int holdSeconds;

    @Inject
    @ConfigProperty(name = "linkup.booking.no-show-grace-minutes", defaultValue = "15")
    int noShowGraceMinutes;

    /** A slot as the caller names it; advisor and room may be left to the search's suggestion. */
    public record Wanted(Long serviceId, Long officeId, SessionMode mode, Instant start, Long advisorId,
                         Long roomId, Long clientId) {
    }

    public Booking find(long id) {
        Booking booking = em.find(Booking.class, id);
        if (booking == null) {
            throw new NotFound("Booking", id);
        }
        return booking;
    }

    /** The booking, if the caller's If-Match (when given) still names its current version. */
    public Booking find(long id, Long expectedVersion) {
        Booking booking = find(id);
        if (expectedVersion != null && expectedVersion != booking.version()) {
            throw new PreconditionFailed("Booking " + id, booking.version());
        }
        return booking;
    }

    public Optional<Booking> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : em.createQuery(
                        "SELECT b FROM Booking b WHERE b.idempotencyKey = :key", Booking.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @Transactional
    public Booking hold(Wanted wanted, Actor actor, String idempotencyKey) {
        return hold(wanted, actor, idempotencyKey, Duration.ofSeconds(holdSeconds));
    }

    /** A hold for a given time: a waitlist offer is held longer than a counter's hold. */
    @Transactional
    public Booking hold(Wanted wanted, Actor actor, String idempotencyKey, Duration holdFor) {
        Instant now = clock.instant();
        Placed placed = place(wanted, null);
        Instant until = now.plus(holdFor);
        Booking booking = Booking.hold(placed.placement(), wanted.clientId(), until, actor.name(), now,
                idempotencyKey);
        occupy(placed, wanted.clientId(), until, now, () -> persist(booking));
        stillTrue(placed, booking.id(), wanted.clientId());
        audit.record(actor, "BOOKING_HELD", "Booking", booking.id(), booking.describe());
        return booking;
    }

    @Transactional
    public Booking book(Wanted wanted, Booking.Referral referral, Actor actor, String idempotencyKey) {
        Instant now = clock.instant();
        Placed placed = place(wanted, null);
        Booking booking = Booking.book(placed.placement(), wanted.clientId(), referral, actor.name(), now,
                idempotencyKey);
        occupy(placed, wanted.clientId(), null, now, () -> persist(booking));
        placed = stillTrue(placed, booking.id(), wanted.clientId());
        withVideo(booking, placed.catalogue());
        audit.record(actor, "BOOKING_BOOKED", "Booking", booking.id(), booking.describe());
        changed.fire(new BookingChanged(booking.id(), BookingChanged.Change.BOOKED, actor));
        return booking;
    }

    /** Registers a client at the office and books them, in one transaction: a lost slot keeps neither. */
    @Transactional
    public Booking bookNewClient(Wanted wanted, Client.Contact contact, Office office, Booking.Referral referral,
                                 Actor actor, String idempotencyKey) {
        Client client = new Client(contact, clock.instant());
        client.assignTo(office);
        em.persist(client);
        em.flush();
        audit.record(actor, "CLIENT_REGISTERED", "Client", client.id(), "office " + office.id() + ", with a booking");
        return book(new Wanted(wanted.serviceId(), wanted.officeId(), wanted.mode(), wanted.start(),
                wanted.advisorId(), wanted.roomId(), client.id()), referral, actor, idempotencyKey);
    }

    /**
     * A hold becomes a booking. A hold still running has its slot checked by the ledger alone; a hold that has
     * lapsed promised nothing any more, so it is booked only where a new booking could be — notice, horizon,
     * rules, opening hours, holidays, closures and blackouts as they are now — else {@link SlotUnavailable}.
     * Either way the ledger locks and checks as for a new booking, so a hold lapsing while this runs, or
     * another node's clock seeing it lapse earlier, ends in {@code SlotTaken}, never in two live rows.
     */
    @Transactional
    public Booking confirm(long holdId, Booking.Referral referral, Actor actor) {
        Instant now = clock.instant();
        // Locked before the ledger's resources (no ledger lock ever leads to a booking row, so no cycle): a retry
        // racing its first attempt waits here and then finds it BOOKED, instead of failing at the version check.
        // Refreshed under the lock: the caller's scope check may have read it in this transaction already.
        Booking booking = find(holdId);
        em.refresh(booking, LockModeType.PESSIMISTIC_WRITE);
        if (booking.status() == BookingStatus.BOOKED) {
            return booking;  // a retried confirmation: the same booking, nothing changes
        }
        String before = booking.describe();
        boolean lapsed = booking.isLapsedHoldAt(now);
        Placed placed = lapsed ? placeAgain(booking) : placedAs(booking);
        booking.confirm(referral);
        replace(placed, holdId, booking.clientId(), now);
        if (lapsed) {
            placed = stillTrue(placed, holdId, booking.clientId());
        }
        withVideo(booking, placed.catalogue());
        audit.record(actor, "BOOKING_BOOKED", "Booking", holdId, before + " → " + booking.describe());
        changed.fire(new BookingChanged(holdId, BookingChanged.Change.BOOKED, actor));
        return booking;
    }

    @Transactional
    public Booking release(long holdId, Actor actor) {
        Booking booking = find(holdId);
        booking.release();
        ledger.release(holdId);
        audit.record(actor, "HOLD_RELEASED", "Booking", holdId, null);
        changed.fire(new BookingChanged(holdId, BookingChanged.Change.RELEASED, actor));
        return booking;
    }

    /** Same booking, new slot: the old interval is freed and the new one taken in this one transaction. */
    @Transactional
    public Booking reschedule(long id, Long version, Wanted wanted, Actor actor) {
        Instant now = clock.instant();
        Booking booking = find(id, version);
        String before = booking.describe();
        if (booking.status() != BookingStatus.BOOKED) {
            booking.reschedule(placementOf(booking));  // refuses with the illegal transition
        }
        Wanted same = new Wanted(booking.serviceId(), wanted.officeId() == null ? booking.officeId()
                : wanted.officeId(), wanted.mode() == null ? booking.mode() : wanted.mode(), wanted.start(),
                wanted.advisorId(), wanted.roomId(), booking.clientId());
        Placed placed = place(same, id);
        // The ledger first: the booking's UPDATE of advisor_id/room_id would take shared foreign-key locks on the
        // new advisor and room rows before the ledger's exclusive ones — the upgrade deadlock occupy() avoids.
        replace(placed, id, booking.clientId(), now);
        placed = stillTrue(placed, id, booking.clientId());
        booking.reschedule(placed.placement());
        withVideo(booking, placed.catalogue());
        audit.record(actor, "BOOKING_RESCHEDULED", "Booking", id, before + " → " + booking.describe());
        changed.fire(new BookingChanged(id, BookingChanged.Change.RESCHEDULED, actor));
        return booking;
    }

    @Transactional
    public Booking cancel(long id, Long version, String reason, Actor actor) {
        Booking booking = find(id, version);
        String before = booking.describe();
        booking.cancel(reason, cancelledBy(actor), clock.instant());
        ledger.release(id);
        audit.record(actor, "BOOKING_CANCELLED", "Booking", id, before + " → " + booking.describe() + ": "
                + booking.cancelReason());
        changed.fire(new BookingChanged(id, BookingChanged.Change.CANCELLED, actor));
        return booking;
    }

    private static CancelledBy cancelledBy(Actor actor) {
        if (BookingChanged.CLIENT_ROLE.equals(actor.role())) {
            return CancelledBy.CLIENT;
        }
        return Role.PARTNER.name().equals(actor.role()) ? CancelledBy.PARTNER : CancelledBy.COUNTER;
    }

    /** The client answered YES by SMS. */
    @Transactional
    public Booking confirmByClient(long id, Actor actor) {
        Booking booking = find(id);
        booking.confirmByClient(clock.instant());
        audit.record(actor, "BOOKING_CONFIRMED_BY_CLIENT", "Booking", id, null);
        return booking;
    }

    @Transactional
    public Booking checkIn(long id, Long version, Actor actor) {
        Booking booking = find(id, version);
        booking.checkIn(clock.instant());
        audit.record(actor, "BOOKING_CHECKED_IN", "Booking", id, null);
        return booking;
    }

    @Transactional
    public Booking start(long id, Long version, Actor actor) {
        Booking booking = find(id, version);
        booking.start(clock.instant());
        audit.record(actor, "BOOKING_STARTED", "Booking", id, null);
        return booking;
    }

    @Transactional
    public Booking complete(long id, Long version, Outcome outcome, String note, Actor actor) {
        Booking booking = find(id, version);
        booking.complete(outcome, note, clock.instant());
        audit.record(actor, "BOOKING_COMPLETED", "Booking", id, String.valueOf(outcome));
        return booking;
    }

    /** The earliest booked session of any of these clients that has not started yet. */
    public Optional<Booking> nextUpcoming(Collection<Long> clientIds, Instant now) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE b.clientId IN :clients AND b.status = :booked
                        AND b.startsAt > :now ORDER BY b.startsAt, b.id""", Booking.class)
                .setParameter("clients", clientIds)
                .setParameter("booked", BookingStatus.BOOKED)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The booking of these clients most recently cancelled with exactly this reason after {@code since}. */
    public Optional<Booking> lastCancelled(Collection<Long> clientIds, String reason, Instant since) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE b.clientId IN :clients AND b.status = :cancelled
                        AND b.cancelReason = :reason AND b.finishedAt > :since
                        ORDER BY b.finishedAt DESC""", Booking.class)
                .setParameter("clients", clientIds)
                .setParameter("cancelled", BookingStatus.CANCELLED)
                .setParameter("reason", reason)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The advisor's bookings in one of these states that start in [from, to), earliest first. */
    public List<Booking> ofAdvisor(long advisorId, Collection<BookingStatus> statuses, Instant from, Instant to) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE b.advisorId = :advisor AND b.status IN :statuses
                        AND b.startsAt >= :from AND b.startsAt < :to ORDER BY b.startsAt""", Booking.class)
                .setParameter("advisor", advisorId)
                .setParameter("statuses", statuses)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /**
     * Marks no-shows: bookings nobody checked in within the grace period after their start. Claims its rows
     * with {@code FOR UPDATE SKIP LOCKED}, so several nodes sweeping at once each take different bookings and
     * none is marked twice. The index is forced, not left to the optimizer's statistics: InnoDB locks every row
     * a read touches, and a table scan would lock every booked session for the sweep's duration.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> sweepNoShows(int batch) {
        Instant now = clock.instant();
        Duration grace = Duration.ofMinutes(noShowGraceMinutes);
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("""
                        SELECT id FROM booking FORCE INDEX (ix_booking_status_time)
                        WHERE status = 'BOOKED' AND starts_at <= ?
                        ORDER BY starts_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .setParameter(1, java.sql.Timestamp.from(now.minus(grace)))
                .setParameter(2, batch)
                .getResultList();
        List<Long> marked = new ArrayList<>();
        Actor system = new Actor("system", null, "no-show sweep");
        for (Number id : due) {
            Booking booking = find(id.longValue());
            booking.markNoShow(now, grace);
            audit.record(system, "BOOKING_NO_SHOW", "Booking", booking.id(), null);
            marked.add(booking.id());
        }
        return marked;
    }

    /**
     * The end of each of these clients' latest session, whatever became of it — a hold, a cancelled session and a
     * no-show are contact with the SSO too, and an upcoming one ends in the future. Clients who never had a
     * booking are absent. A plain read for the retention sweep, which decides who is due.
     */
    public Map<Long, Instant> latestSessionEnds(Collection<Long> clientIds) {
        Map<Long, Instant> ends = new HashMap<>();
        if (clientIds.isEmpty()) {
            return ends;
        }
        // ix_booking_client_time finds each client's rows; a client has a few dozen at most.
        List<Object[]> rows = em.createQuery("""
                        SELECT b.clientId, b.endsAt FROM Booking b WHERE b.clientId IN :clients""", Object[].class)
                .setParameter("clients", clientIds)
                .getResultList();
        for (Object[] row : rows) {
            ends.merge((Long) row[0], (Instant) row[1], (a, b) -> a.isAfter(b) ? a : b);
        }
        return ends;
    }

    /** When each of these bookings' sessions ends (a booking that does not exist is absent). */
    public Map<Long, Instant> sessionEnds(Collection<Long> bookingIds) {
        Map<Long, Instant> ends = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return ends;
        }
        em.createQuery("SELECT b.id, b.endsAt FROM Booking b WHERE b.id IN :ids", Object[].class)
                .setParameter("ids", bookingIds)
                .getResultList()
                .forEach(row -> ends.put((Long) row[0], (Instant) row[1]));
        return ends;
    }

    /**
     * An anonymised client's bookings stay for the statistics, without the free text typed about the client: the
     * referral note, the partner's outcome note and the reason for a cancellation. Nothing a report counts
     * changes. Returns how many bookings had any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetNotesOf(long clientId) {
        return em.createQuery("""
                        UPDATE Booking b SET b.referralNote = NULL, b.outcomeNote = NULL, b.cancelReason = NULL,
                          b.version = b.version + 1
                        WHERE b.clientId = :client AND (b.referralNote IS NOT NULL OR b.outcomeNote IS NOT NULL
                          OR b.cancelReason IS NOT NULL)""")
                .setParameter("client", clientId)
                .executeUpdate();
    }

    /**
     * A slot as the booking's own check resolved it, with the catalogue it was checked in, and the ledger's locks
     * and read when the check could take them first (null: the ledger locks and reads when it writes).
     */
    private record Placed(Booking.Placement placement, Catalogue catalogue, OccupancyLedger.Locked locked) {
    }

    /**
     * Resolves the wanted slot with the same search counters use, so a booking obeys every availability rule, in
     * the catalogue as this transaction sees it now. When the caller names everything the session takes (mode,
     * advisor, and the room if the mode needs one), the check locks those resources before it reads their
     * occupancy, and that one read serves the ledger too; otherwise the check reads every candidate unlocked to
     * choose, and the ledger locks and reads the chosen ones again.
     */
    private Placed place(Wanted wanted, Long ignoreBooking) {
        if (wanted.start() == null) {
            throw new InvalidInput("start", "is required");
        }
        if (wanted.clientId() == null) {
            throw new InvalidInput("clientId", "is required");
        }
        if (wanted.officeId() == null) {
            throw new InvalidInput("officeId", "is required (the SSO the session is held at)");
        }
        SlotSearch.Query query = SlotSearch.Query.startingAt(wanted.serviceId(), wanted.officeId(), wanted.mode(),
                wanted.start()).forClient(wanted.clientId()).ignoring(ignoreBooking).onlyAdvisor(wanted.advisorId());
        if (wanted.mode() != null && wanted.advisorId() != null
                && (!wanted.mode().needsRoom() || wanted.roomId() != null)) {
            query = query.onlyRoom(wanted.mode().needsRoom() ? wanted.roomId() : null).lockingCandidates();
        }
        SlotSearch.Found found;
        try {
            found = search.search(query, catalogues.now());
        } catch (InvalidInput e) {
            throw e.violations().stream().anyMatch(v -> v.field().equals("from") || v.field().equals("to"))
                    ? e.at("start") : e;
        }
        Slot slot = found.slots().stream()
                .filter(s -> s.session().start().equals(wanted.start()))
                .findFirst()
                .orElseThrow(() -> new SlotUnavailable("nothing is free for this service at " + wanted.start()
                        + (wanted.mode() == null ? "" : " " + wanted.mode()) + ": outside availability or opening "
                        + "hours, off the slot grid, too soon, or advisor, room or client already taken"));
        long advisor = slot.advisorId();
        if (wanted.advisorId() != null) {
            if (!slot.advisorIds().contains(wanted.advisorId())) {
                throw new SlotUnavailable("advisor " + wanted.advisorId() + " is not free for this session then");
            }
            advisor = wanted.advisorId();
        }
        Long room = slot.roomId();
        if (wanted.roomId() != null && slot.mode().needsRoom()) {
            if (!slot.roomIds().contains(wanted.roomId())) {
                throw new SlotUnavailable("room " + wanted.roomId() + " is not free for this session then");
            }
            room = wanted.roomId();
        }
        return new Placed(new Booking.Placement(wanted.serviceId(), wanted.officeId(), slot.mode(), advisor, room,
                slot.session()), found.catalogue(), found.locked());
    }

    /**
     * The slot was checked in the catalogue as the transaction first saw it; a catalogue change (a rule, leave, a
     * closure, …) may have committed since — a rule change that waited on the advisor's row this booking then
     * locked, say. Called once the ledger holds this booking's rows: the stamp is read with a shared lock, which
     * waits for a change in flight and keeps any other from committing until this booking does. Unchanged (nearly
     * always): one primary-key read, and the check stands. Changed: the placement is checked again, in the
     * catalogue as it is now, ignoring this booking's own ledger rows; a slot no longer offered is refused, and
     * the rollback leaves nothing behind.
     */
    private Placed stillTrue(Placed placed, long bookingId, long clientId) {
        long stamp = catalogues.lockedStamp();
        if (stamp == placed.catalogue().stamp()) {
            return placed;
        }
        Booking.Placement placement = placed.placement();
        Catalogue now = catalogues.at(stamp);
        SlotSearch.Query query = SlotSearch.Query.startingAt(placement.serviceId(), placement.officeId(),
                        placement.mode(), placement.session().start())
                .forClient(clientId).ignoring(bookingId).onlyAdvisor(placement.advisorId())
                .onlyRoom(placement.roomId());
        boolean offered = search.search(query, now).slots().stream()
                .anyMatch(slot -> slot.session().equals(placement.session()) && slot.mode() == placement.mode()
                        && slot.advisorIds().contains(placement.advisorId())
                        && (placement.roomId() == null || slot.roomIds().contains(placement.roomId())));
        if (!offered) {
            throw new SlotUnavailable("the availability, opening hours or leave changed while this session was "
                    + "being booked, and it is no longer offered at " + placement.session().start());
        }
        return new Placed(placement, now, placed.locked());
    }

    /** A lapsed hold's slot, checked as a new booking of it would be. */
    private Placed placeAgain(Booking hold) {
        try {
            Placed again = place(new Wanted(hold.serviceId(), hold.officeId(), hold.mode(),
                    hold.session().start(), hold.advisorId(), hold.roomId(), hold.clientId()), hold.id());
            if (!again.placement().session().equals(hold.session())) {
                // The service's length changed since the hold: the client was shown another session.
                throw new SlotUnavailable("the service's sessions have changed length since it was held");
            }
            return again;
        } catch (InvalidInput refused) {
            // Asked afresh, a time now in the past or beyond the horizon is bad input; for a hold that was fine
            // when it was made, it is the slot that is gone.
            throw new SlotUnavailable("the hold lapsed and its slot can no longer be booked: "
                    + refused.violations().get(0).message());
        } catch (SlotUnavailable gone) {
            throw new SlotUnavailable("the hold lapsed and its slot can no longer be booked: " + gone.getMessage());
        }
    }

    /** A booking's (or live hold's) own slot, not checked again: the ledger alone decides whether it still holds. */
    private Placed placedAs(Booking booking) {
        return new Placed(placementOf(booking), catalogues.now(), null);
    }

    private static Booking.Placement placementOf(Booking booking) {
        return new Booking.Placement(booking.serviceId(), booking.officeId(), booking.mode(), booking.advisorId(),
                booking.roomId(), booking.session());
    }

    private void occupy(Placed placed, long clientId, Instant expiresAt, Instant now, LongSupplier booking) {
        List<Claim> claims = claims(placed, clientId);
        if (placed.locked() != null) {
            ledger.occupy(placed.locked(), claims, expiresAt, booking);
        } else {
            ledger.occupy(claims, expiresAt, now, booking);
        }
    }

    private void replace(Placed placed, long bookingId, long clientId, Instant now) {
        List<Claim> claims = claims(placed, clientId);
        if (placed.locked() != null) {
            ledger.replace(placed.locked(), bookingId, claims, null);
        } else {
            ledger.replace(bookingId, claims, null, now);
        }
    }

    /** Advisor and room are taken with the service's buffers around the session; the client for the session. */
    private static List<Claim> claims(Placed placed, long clientId) {
        Booking.Placement placement = placed.placement();
        Service.Terms terms = placed.catalogue().service(placement.serviceId()).orElseThrow().terms();
        var widened = placement.session().widen(Duration.ofMinutes(terms.bufferBeforeMinutes()),
                Duration.ofMinutes(terms.bufferAfterMinutes()));
        List<Claim> claims = new ArrayList<>();
        claims.add(new Claim(Resource.ADVISOR, placement.advisorId(), widened));
        if (placement.roomId() != null) {
            claims.add(new Claim(Resource.ROOM, placement.roomId(), widened));
        }
        claims.add(new Claim(Resource.CLIENT, clientId, placement.session()));
        return claims;
    }

    private long persist(Booking booking) {
        em.persist(booking);
        em.flush();
        return booking.id();
    }

    /** Video sessions get a fresh link for their (new) time; the provider is whatever is configured. */
    private void withVideo(Booking booking, Catalogue catalogue) {
        if (booking.mode() == SessionMode.IN_PERSON) {
            booking.attachVideoLink(null);
            return;
        }
        Catalogue.AdvisorEntry advisor = catalogue.advisor(booking.advisorId()).orElseThrow();
        var meeting = video.create(new VideoMeetings.MeetingRequest(booking.id(), booking.session().start(),
                booking.session().end(), advisor.displayName(), advisor.email()));
        booking.attachVideoLink(meeting.joinUrl());
    }
}
