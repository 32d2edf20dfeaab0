package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.availability.control.SlotFinder.Candidate;
import sg.linkup.availability.control.SlotFinder.Demand;
import sg.linkup.availability.control.SlotFinder.RoomSpec;
import sg.linkup.availability.control.SlotFinder.Site;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotFinder.Taken;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * Loads what {@link SlotFinder} needs for one search — a fixed number of indexed queries, each bounded by the
 * searched window (never by history) — and checks the question itself first, naming the parameter at fault.
 */
@ApplicationScoped
public class SlotSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFICES = 24;
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    /** Offered first when the caller does not name a mode: video from an SSO room saves the client a trip. */
    static final List<SessionMode> MODE_ORDER =
            List.of(SessionMode.VIDEO_AT_SSO, SessionMode.IN_PERSON, SessionMode.VIDEO_REMOTE);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OccupancyLedger ledger;

    @Inject
    HolidayCalendar holidays;

    @Inject
    @ConfigProperty(name = "linkup.slots.grid-minutes", defaultValue = "15")
    int gridMinutes;

    /**
     * What the caller asked; null means "not given". Built from {@link #of} or {@link #startingAt} and the named
     * refinements below, so that no caller lines up eleven positional values (five of them ids).
     * {@code ignoreBooking} leaves one booking's own occupancy out, so that a reschedule may move a session by less
     * than its length.
     */
    public record Query(Long serviceId, List<Long> officeIds, SessionMode mode, Instant from, Instant to,
                       Language language, Long clientId, Integer limit, boolean allCandidates, Long ignoreBooking,
                       Long onlyAdvisor) {

        /** The service at these offices (nearest first), in [from, to); a null mode, from or to takes the default. */
        public static Query of(Long serviceId, List<Long> officeIds, SessionMode mode, Instant from, Instant to) {
            return new Query(serviceId, officeIds, mode, from, to, null, null, null, false, null, null);
        }

        /**
         * Sessions starting at exactly {@code start} at one office, with every free advisor and room: how a booking
         * checks the slot it wants against the same rules counters search with.
         */
        public static Query startingAt(Long serviceId, Long officeId, SessionMode mode, Instant start) {
            return of(serviceId, List.of(officeId), mode, start, start.plusSeconds(60)).first(MAX_LIMIT)
                    .withCandidates(true);
        }

        /** Leaves out the times this client is already booked. */
        public Query forClient(Long id) {
            return new Query(serviceId, officeIds, mode, from, to, language, id, limit, allCandidates, ignoreBooking,
                    onlyAdvisor);
        }

        /** Only advisors who speak the language. */
        public Query speaking(Language spoken) {
            return new Query(serviceId, officeIds, mode, from, to, spoken, clientId, limit, allCandidates,
                    ignoreBooking, onlyAdvisor);
        }

        /** At most this many slots (null: the default). */
        public Query first(Integer most) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, most, allCandidates,
                    ignoreBooking, onlyAdvisor);
        }

        /** Whether each slot lists every free advisor and room, not just the suggested ones. */
        public Query withCandidates(boolean all) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, all, ignoreBooking,
                    onlyAdvisor);
        }

        /** As if this booking (being moved) did not occupy its advisor, room and client. */
        public Query ignoring(Long bookingId) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    bookingId, onlyAdvisor);
        }

        /** Only this advisor (null: any advisor of the service). */
        public Query onlyAdvisor(Long advisorId) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    ignoreBooking, advisorId);
        }
    }

    /** The slots, and the names that go with their ids. */
    public record Found(TimeRange window, int gridMinutes, List<Slot> slots, Map<Long, Office> offices,
                        Map<Long, String> advisorNames, Map<Long, String> roomNames) {
    }

    /**
     * An availability rule not saved yet, seen as if it were: the availability editor's preview. The rule
     * {@code replacing} (the one being edited; null for a new one) is left out meanwhile.
     */
    public record Draft(AvailabilityRule rule, Long replacing) {
        static final Draft NONE = new Draft(null, null);
    }

    public Found search(Query query) {
        return search(query, Draft.NONE);
    }

    /** The same search, with the advisor's rules as they would be if the draft were saved. */
    public Found search(Query query, Draft draft) {
        Instant now = clock.instant();
        Service service = activeService(query.serviceId());
        Service.Terms terms = service.terms();
        List<SessionMode> modes = modes(service, query.mode());
        int limit = limit(query.limit());
        Map<Long, Office> offices = offices(query.officeIds());
        TimeRange window = window(query, terms, now);
        Instant earliest = earliestStart(window, terms, now);
        if (!earliest.isBefore(window.end())) {
            return new Found(window, grid(), List.of(), offices, Map.of(), Map.of());
        }

        Duration before = Duration.ofMinutes(terms.bufferBeforeMinutes());
        Duration after = Duration.ofMinutes(terms.bufferAfterMinutes());
        TimeRange reach = new TimeRange(earliest, window.end().plus(service.duration()))
                .widen(before, after);
        LocalDate firstDay = Clocks.dateIn(earliest);
        LocalDate lastDay = Clocks.dateIn(reach.end());
        Set<LocalDate> closedDays = holidays.daysBetween(firstDay, lastDay);

        Map<Long, String> advisorNames = advisors(service, query.language(), query.onlyAdvisor());
        Map<Long, String> roomNames = new HashMap<>();
        List<Site> sites = sites(offices, modes, firstDay, lastDay, closedDays, roomNames);

        Map<Long, List<AvailabilityWindow>> windows = windows(advisorNames.keySet(), firstDay, lastDay, draft);
        List<Candidate> candidates = windows.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue()))
                .toList();
        Set<Long> available = windows.keySet();
        advisorNames.keySet().retainAll(available);

        Long ignore = query.ignoreBooking();
        Map<Long, List<TimeRange>> advisorBusy = ledger.busy(Resource.ADVISOR, available, reach, now, ignore);
        addBlackouts(service, available, reach, advisorBusy);
        Map<Long, List<TimeRange>> roomBusy = ledger.busy(Resource.ROOM, roomNames.keySet(), reach, now, ignore);
        List<TimeRange> clientBusy = query.clientId() == null ? List.of()
                : ledger.busy(Resource.CLIENT, List.of(query.clientId()), reach, now, ignore)
                        .getOrDefault(query.clientId(), List.of());

        Taken taken = new Taken(busyTimes(advisorBusy), busyTimes(roomBusy), BusyTimes.of(clientBusy));
        Demand demand = new Demand(service.duration(), before, after, earliest, window.end(), modes, grid(),
                limit, query.allCandidates());
        List<Slot> slots = SlotFinder.find(demand, sites, candidates, taken);
        return new Found(window, grid(), slots, offices, advisorNames, roomNames);
    }

    private int grid() {
        if (gridMinutes < Service.MINUTE_GRANULARITY || gridMinutes % Service.MINUTE_GRANULARITY != 0) {
            throw new IllegalStateException("linkup.slots.grid-minutes must be a multiple of "
                    + Service.MINUTE_GRANULARITY);
        }
        return gridMinutes;
    }

    private Service activeService(Long id) {
        if (id == null) {
            throw new InvalidInput("service", "is required");
        }
        Service service = em.find(Service.class, id);
        if (service == null || !service.isActive() || !service.agency().isActive()) {
            throw new InvalidInput("service", "no active service with id " + id);
        }
        return service;
    }

    private static List<SessionMode> modes(Service service, SessionMode asked) {
        if (asked != null) {
            if (!service.allows(asked)) {
                throw new InvalidInput("mode", "the service " + service.code() + " is not offered " + asked
                        + "; it allows " + MODE_ORDER.stream().filter(service::allows).toList());
            }
            return List.of(asked);
        }
        return MODE_ORDER.stream().filter(service::allows).toList();
    }

    private static int limit(Integer asked) {
        if (asked == null) {
            return DEFAULT_LIMIT;
        }
        if (asked < 1 || asked > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return asked;
    }

    private Map<Long, Office> offices(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInput("office", "name at least one office (any SSO the client can reach)");
        }
        if (ids.size() > MAX_OFFICES) {
            throw new InvalidInput("office", "at most " + MAX_OFFICES + " offices per search");
        }
        Map<Long, Office> offices = new LinkedHashMap<>();
        for (Long id : ids) {
            Office office = id == null ? null : em.find(Office.class, id);
            if (office == null || !office.isActive()) {
                throw new InvalidInput("office", "no active office with id " + id);
            }
            offices.put(id, office);
        }
        return offices;
    }

    /** The window searched: [from, to) checked against the service's horizon, with defaults filled in. */
    static TimeRange window(Query query, Service.Terms terms, Instant now) {
        Instant horizon = now.plus(Duration.ofDays(terms.horizonDays()));
        // Whole minutes: the window is shown to people, and session starts are whole minutes anyway.
        Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant from = query.from() == null || query.from().isBefore(thisMinute) ? thisMinute : query.from();
        if (!from.isBefore(horizon)) {
            throw new InvalidInput("from", "the service books at most " + terms.horizonDays()
                    + " days ahead (until " + Clocks.dateIn(horizon) + ")");
        }
        Instant to = query.to();
        if (to == null) {
            to = from.plus(DEFAULT_WINDOW).isAfter(horizon) ? horizon : from.plus(DEFAULT_WINDOW);
        } else if (!to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        } else if (to.isAfter(horizon.plus(Duration.ofDays(1)))) {
            // A day's grace: "to" given as a date means the end of that day.
            throw new InvalidInput("to", "the service books at most " + terms.horizonDays()
                    + " days ahead (until " + Clocks.dateIn(horizon) + "); ask for a shorter window");
        } else if (to.isAfter(horizon)) {
            to = horizon;
        }
        return new TimeRange(from, to);
    }

    /** Who offers the service (and speaks the language); just one advisor when a booking names them. */
    private Map<Long, String> advisors(Service service, Language language, Long only) {
        String jpql = "SELECT a.id, a.displayName FROM Advisor a JOIN a.services s"
                + (language == null ? "" : " JOIN a.languages l")
                + " WHERE s.id = :service AND a.active = TRUE"
                + (language == null ? "" : " AND l = :language")
                + (only == null ? "" : " AND a.id = :only");
        var q = em.createQuery(jpql, Object[].class).setParameter("service", service.id());
        if (language != null) {
            q.setParameter("language", language);
        }
        if (only != null) {
            q.setParameter("only", only);
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    private List<Site> sites(Map<Long, Office> offices, List<SessionMode> modes, LocalDate firstDay,
                             LocalDate lastDay, Set<LocalDate> closedDays, Map<Long, String> roomNames) {
        Map<Long, List<RoomSpec>> rooms = new HashMap<>();
        if (modes.stream().anyMatch(SessionMode::needsRoom)) {
            for (Object[] row : em.createQuery("""
                            SELECT r.id, r.kind, r.office.id, r.name FROM Room r
                            WHERE r.office.id IN :offices AND r.active = TRUE""", Object[].class)
                    .setParameter("offices", offices.keySet())
                    .getResultList()) {
                rooms.computeIfAbsent((Long) row[2], id -> new ArrayList<>())
                        .add(new RoomSpec((Long) row[0], (RoomKind) row[1]));
                roomNames.put((Long) row[0], (String) row[3]);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Office office : offices.values()) {
            sites.add(new Site(office.id(), openPeriods(office, firstDay, lastDay, closedDays),
                    rooms.getOrDefault(office.id(), List.of())));
        }
        return sites;
    }

    /** When the office is open on the Singapore dates [firstDay, lastDay], minus its closures and holidays. */
    static List<TimeRange> openPeriods(Office office, LocalDate firstDay, LocalDate lastDay,
                                       Set<LocalDate> holidays) {
        List<TimeRange> open = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (holidays.contains(day) || office.isClosedOn(day)) {
                continue;
            }
            for (OpeningHours hours : office.openingHoursOn(day)) {
                open.add(new TimeRange(Clocks.at(day, hours.opens()), Clocks.at(day, hours.closes())));
            }
        }
        return open;
    }

    /** The first moment a session may start: the window's start, but not before the minimum notice. */
    static Instant earliestStart(TimeRange window, Service.Terms terms, Instant now) {
        return later(window.start(), now.plus(Duration.ofMinutes(terms.minNoticeMinutes())));
    }

    private Map<Long, List<AvailabilityWindow>> windows(Set<Long> advisorIds, LocalDate firstDay,
                                                        LocalDate lastDay, Draft draft) {
        Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
        if (advisorIds.isEmpty()) {
            return windows;
        }
        List<AvailabilityRule> rules = em.createQuery("""
                        SELECT r FROM AvailabilityRule r
                        WHERE r.advisorId IN :advisors AND r.validFrom <= :last
                          AND (r.validUntil IS NULL OR r.validUntil >= :first)""", AvailabilityRule.class)
                .setParameter("advisors", advisorIds)
                .setParameter("first", firstDay)
                .setParameter("last", lastDay)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "r.modes")
                .setHint("eclipselink.batch", "r.exceptDates")
                .getResultList();
        if (draft.rule() != null) {
            rules = new ArrayList<>(rules.stream().filter(rule -> !rule.id().equals(draft.replacing())).toList());
            rules.add(draft.rule());
        }
        for (AvailabilityRule rule : rules) {
            if (!advisorIds.contains(rule.advisorId())) {
                continue;
            }
            List<AvailabilityWindow> ruleWindows = rule.windows(firstDay, lastDay);
            if (!ruleWindows.isEmpty()) {
                windows.computeIfAbsent(rule.advisorId(), id -> new ArrayList<>()).addAll(ruleWindows);
            }
        }
        return windows;
    }

    private void addBlackouts(Service service, Set<Long> advisors, TimeRange reach,
                              Map<Long, List<TimeRange>> advisorBusy) {
        for (Object[] row : em.createQuery("""
                        SELECT b.advisorId, b.startsAt, b.endsAt FROM Blackout b
                        WHERE b.agencyId = :agency AND b.startsAt < :end AND b.endsAt > :start""", Object[].class)
                .setParameter("agency", service.agency().id())
                .setParameter("start", reach.start())
                .setParameter("end", reach.end())
                .getResultList()) {
            TimeRange range = new TimeRange((Instant) row[1], (Instant) row[2]);
            Long advisor = (Long) row[0];
            for (Long id : advisor == null ? advisors : Set.of(advisor)) {
                if (advisors.contains(id)) {
                    advisorBusy.computeIfAbsent(id, k -> new ArrayList<>()).add(range);
                }
            }
        }
    }

    private static Map<Long, BusyTimes> busyTimes(Map<Long, List<TimeRange>> busy) {
        return busy.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> BusyTimes.of(e.getValue())));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
