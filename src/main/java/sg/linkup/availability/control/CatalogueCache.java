package sg.linkup.availability.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * The catalogue served from memory: {@link #now()} reads the database's change stamp ({@code catalogue_stamp},
 * one primary-key SELECT in the caller's transaction) and returns the {@link Catalogue} built at that stamp,
 * rebuilding it first when the stamp has moved (see {@link StampedCache}). Every write to a catalogue table gives
 * the stamp a new value in its own transaction (database triggers, V9), so a change saved on any node is used by
 * the very next search or booking on every node: each reads the stamp itself, nothing is sent between nodes.
 *
 * <p>Why not JCache on Payara's Hazelcast: its invalidation reaches other nodes after the writer's commit, over
 * the cluster, with no bound a booking could rely on; a node that misses it (a split, a restart) serves stale rules
 * until the entry expires; and an eviction listener would be one more thing every writer must not forget. The
 * stamp costs one indexed read per request and holds on a single node, on a cluster, and for raw SQL alike.
 *
 * <p>The rebuild runs in the caller's transaction, on its connection: a second connection could wait for a pool
 * that the callers waiting for the rebuild have emptied. Its reads are scalar projections, so nothing joins the
 * caller's persistence context.
 */
@ApplicationScoped
public class CatalogueCache {

    private static final Logger LOG = Logger.getLogger(CatalogueCache.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private StampedCache<Catalogue> cache;

    @PostConstruct
    void start() {
        cache = new StampedCache<>(this::stamp, this::build);
    }

    /**
     * The catalogue as of the stamp the caller's transaction sees now. A caller outside a transaction (a walk-in's
     * search, the alternatives offered with a 409) gets one for the stamp read and a rebuild: a rebuild must run on
     * a connection its caller already holds, never wait for a second one from a pool that the callers waiting for
     * this rebuild may have emptied.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Catalogue now() {
        return cache.now().value();
    }

    /**
     * The catalogue stamp, read with a shared lock held until the caller's transaction ends: a catalogue change
     * still in flight (its trigger holds the stamp row exclusively) is waited for, and none can commit after this
     * read until the caller does. A booking calls it after its ledger locks, to know that the catalogue it checked
     * its slot in is still the truth when it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockedStamp() {
        return stamp(" LOCK IN SHARE MODE");
    }

    /** The catalogue at {@code stamp} (just read by the caller) or newer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Catalogue at(long stamp) {
        return cache.at(stamp).value();
    }

    long stamp() {
        return stamp("");
    }

    private long stamp(String lock) {
        return ((Number) em.createNativeQuery("SELECT stamp FROM catalogue_stamp WHERE id = 1" + lock)
                .getSingleResult()).longValue();
    }

    private StampedCache.Stamped<Catalogue> build() {
        long started = System.nanoTime();
        long stamp = stamp();  // first: the data read after it is at least as new
        Instant now = clock.instant();
        List<Catalogue.ServiceEntry> services = services();
        int longestBuffer = services.stream().mapToInt(Catalogue.ServiceEntry::bufferBeforeMinutes).max().orElse(0);
        // A search reaches back from now by the service's buffer before a session, never further.
        Instant leaveFrom = now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(longestBuffer));
        Map<Long, RuntimeException> unreadable = new HashMap<>();
        Catalogue catalogue = new Catalogue(stamp, offices(), rooms(), services, advisors(),
                rules(Clocks.dateIn(now).minusDays(1), unreadable), unreadable, leaveFrom, leave(leaveFrom),
                em.createQuery("SELECT h.day FROM PublicHoliday h", LocalDate.class).getResultList());
        LOG.fine(() -> String.format("catalogue rebuilt at stamp %d in %.1f ms", stamp,
                (System.nanoTime() - started) / 1e6));
        return new StampedCache.Stamped<>(stamp, catalogue);
    }

    private List<Catalogue.OfficeEntry> offices() {
        Map<Long, List<Catalogue.Hours>> hours = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT o.id, h.day, h.opens, h.closes FROM Office o JOIN o.openingHours h",
                Object[].class).getResultList()) {
            hours.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new Catalogue.Hours((DayOfWeek) row[1], (LocalTime) row[2], (LocalTime) row[3]));
        }
        Map<Long, List<Catalogue.Closure>> closures = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.office.id, c.firstDay, c.lastDay FROM OfficeClosure c",
                Object[].class).getResultList()) {
            closures.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new Catalogue.Closure((LocalDate) row[1], (LocalDate) row[2]));
        }
        List<Catalogue.OfficeEntry> offices = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT o.id, o.name, o.active FROM Office o", Object[].class)
                .getResultList()) {
            Long id = (Long) row[0];
            offices.add(new Catalogue.OfficeEntry(id, (String) row[1], (Boolean) row[2],
                    hours.getOrDefault(id, List.of()), closures.getOrDefault(id, List.of())));
        }
        return offices;
    }

    private List<Catalogue.RoomEntry> rooms() {
        return em.createQuery("SELECT r.id, r.office.id, r.name, r.kind FROM Room r WHERE r.active = TRUE",
                        Object[].class).getResultStream()
                .map(row -> new Catalogue.RoomEntry((Long) row[0], (Long) row[1], (String) row[2], (RoomKind) row[3]))
                .toList();
    }

    private List<Catalogue.ServiceEntry> services() {
        Map<Long, Set<SessionMode>> modes = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.id, m FROM Service s JOIN s.allowedModes m", Object[].class)
                .getResultList()) {
            modes.computeIfAbsent((Long) row[0], id -> EnumSet.noneOf(SessionMode.class)).add((SessionMode) row[1]);
        }
        return em.createQuery("""
                        SELECT s.id, s.code, s.agency.id, s.active, s.agency.active, s.durationMinutes,
                               s.bufferBeforeMinutes, s.bufferAfterMinutes, s.minNoticeMinutes, s.horizonDays
                        FROM Service s""", Object[].class).getResultStream()
                .map(row -> new Catalogue.ServiceEntry((Long) row[0], (String) row[1], (Long) row[2],
                        (Boolean) row[3] && (Boolean) row[4], (Integer) row[5],
                        modes.getOrDefault((Long) row[0], Set.of()), (Integer) row[6], (Integer) row[7],
                        (Integer) row[8], (Integer) row[9]))
                .toList();
    }

    private List<Catalogue.AdvisorEntry> advisors() {
        Map<Long, Set<Language>> languages = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, l FROM Advisor a JOIN a.languages l", Object[].class)
                .getResultList()) {
            languages.computeIfAbsent((Long) row[0], id -> EnumSet.noneOf(Language.class)).add((Language) row[1]);
        }
        Map<Long, Set<Long>> services = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, s.id FROM Advisor a JOIN a.services s", Object[].class)
                .getResultList()) {
            services.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
        }
        return em.createQuery("SELECT a.id, a.displayName, a.email, a.agency.id, a.active FROM Advisor a",
                        Object[].class).getResultStream()
                .map(row -> new Catalogue.AdvisorEntry((Long) row[0], (String) row[1], (String) row[2],
                        (Long) row[3], (Boolean) row[4], languages.getOrDefault((Long) row[0], Set.of()),
                        services.getOrDefault((Long) row[0], Set.of())))
                .toList();
    }

    /** Rules that may still give availability on or after {@code since}; one that cannot be read fails its advisor. */
    private List<AvailabilityRule.Pattern> rules(LocalDate since, Map<Long, RuntimeException> unreadable) {
        String current = " WHERE r.validUntil IS NULL OR r.validUntil >= :since";
        Map<Long, Set<SessionMode>> modes = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.id, m FROM AvailabilityRule r JOIN r.modes m" + current,
                Object[].class).setParameter("since", since).getResultList()) {
            modes.computeIfAbsent((Long) row[0], id -> EnumSet.noneOf(SessionMode.class)).add((SessionMode) row[1]);
        }
        Map<Long, Set<LocalDate>> except = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.id, d FROM AvailabilityRule r JOIN r.exceptDates d" + current,
                Object[].class).setParameter("since", since).getResultList()) {
            except.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((LocalDate) row[1]);
        }
        List<AvailabilityRule.Pattern> rules = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                        SELECT r.id, r.advisorId, r.officeId, r.rrule, r.startTime, r.endTime, r.validFrom,
                               r.validUntil FROM AvailabilityRule r""" + current, Object[].class)
                .setParameter("since", since).getResultList()) {
            Long id = (Long) row[0];
            Long advisor = (Long) row[1];
            try {
                rules.add(new AvailabilityRule.Pattern(id, advisor, (Long) row[2], Recurrence.parse((String) row[3]),
                        (LocalTime) row[4], (LocalTime) row[5], (LocalDate) row[6], (LocalDate) row[7],
                        modes.getOrDefault(id, Set.of()), except.getOrDefault(id, Set.of())));
            } catch (RuntimeException e) {
                unreadable.putIfAbsent(advisor, e);
            }
        }
        return rules;
    }

    /**
     * Leave and agency closures still running at {@code from}. A row that ends before it starts (only raw SQL can
     * write one: the API refuses it) is left out and logged, as an unreadable rule is: it must not fail every
     * search on every node.
     */
    private List<Catalogue.Leave> leave(Instant from) {
        List<Catalogue.Leave> leave = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT b.id, b.agencyId, b.advisorId, b.startsAt, b.endsAt FROM Blackout b "
                + "WHERE b.endsAt > :from", Object[].class).setParameter("from", from).getResultList()) {
            Instant starts = (Instant) row[3];
            Instant ends = (Instant) row[4];
            if (!ends.isAfter(starts)) {
                LOG.warning("Blackout " + row[0] + " ends (" + ends + ") before it starts (" + starts + "): ignored");
                continue;
            }
            leave.add(new Catalogue.Leave((Long) row[1], (Long) row[2], new TimeRange(starts, ends)));
        }
        return leave;
    }
}
