package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent.Actor;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.notification.calendar.CalendarEvent;
import sg.linkup.notification.calendar.Invites;
import sg.linkup.notification.entity.CalendarFeed;

/** Advisors' ICS subscription feeds: issue, revoke, and the calendar a token opens. */
@ApplicationScoped
public class CalendarFeeds {

    /** What the feed shows: the last two weeks (for notes) and the next half year. */
    static final Duration PAST = Duration.ofDays(14);
    static final Duration AHEAD = Duration.ofDays(183);
    private static final List<BookingStatus> SHOWN = List.of(BookingStatus.BOOKED, BookingStatus.CHECKED_IN,
            BookingStatus.IN_PROGRESS, BookingStatus.COMPLETED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Bookings bookings;

    @Inject
    CalendarEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    private final Invites invites = new Invites();

    /**
     * A new feed for the advisor; any earlier one stops working. The advisor's row is locked first, so two
     * requests at once cannot each revoke the old feed and each leave a new one working.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CalendarFeed.Issued issue(Advisor advisor, Actor actor) {
        Instant now = clock.instant();
        em.lock(advisor, LockModeType.PESSIMISTIC_WRITE);
        active(advisor.id()).forEach(feed -> feed.revoke(now));
        CalendarFeed.Issued issued = CalendarFeed.issue(advisor.id(), actor.name(), now);
        em.persist(issued.feed());
        em.flush();
        audit.record(actor, "CALENDAR_FEED_ISSUED", "Advisor", advisor.id(), "feed " + issued.feed().id());
        return issued;
    }

    /** Whether there was a feed to revoke. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(Advisor advisor, Actor actor) {
        Instant now = clock.instant();
        List<CalendarFeed> feeds = active(advisor.id());
        feeds.forEach(feed -> feed.revoke(now));
        if (!feeds.isEmpty()) {
            audit.record(actor, "CALENDAR_FEED_REVOKED", "Advisor", advisor.id(), null);
        }
        return !feeds.isEmpty();
    }

    public List<CalendarFeed> active(long advisorId) {
        return em.createQuery("SELECT f FROM CalendarFeed f WHERE f.advisorId = :advisor AND f.revokedAt IS NULL",
                        CalendarFeed.class)
                .setParameter("advisor", advisorId).getResultList();
    }

    /** The iCalendar text a token opens, or empty for an unknown or revoked token. */
    @Transactional
    public Optional<String> render(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeed> feed = em.createQuery(
                        "SELECT f FROM CalendarFeed f WHERE f.tokenHash = :hash AND f.revokedAt IS NULL",
                        CalendarFeed.class)
                .setParameter("hash", CalendarFeed.hash(token)).getResultStream().findFirst();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        Advisor advisor = em.find(Advisor.class, feed.get().advisorId());
        Instant now = clock.instant();
        List<CalendarEvent> sessions = bookings.ofAdvisor(advisor.id(), SHOWN, now.minus(PAST), now.plus(AHEAD))
                .stream()
                .map(b -> events.forAdvisor(b, CalendarEvent.Method.PUBLISH, now, advisor.email()))
                .toList();
        return Optional.of(invites.feed("Linkup – " + advisor.displayName(), sessions));
    }
}
