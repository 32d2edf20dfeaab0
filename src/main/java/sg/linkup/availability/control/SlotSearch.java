package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * Gathers what {@link SlotFinder} needs for one search — the catalogue from memory ({@link CatalogueCache}: one
 * stamp read), and the occupancy of the candidates in one indexed query bounded by the searched window (never by
 * history) — and checks the question itself first, naming the parameter at fault.
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

    @Inject
    Clock clock;

    @Inject
    OccupancyLedger ledger;

    @Inject
    CatalogueCache catalogues;

    @Inject
    @ConfigProperty(name = "linkup.slots.grid-minutes", defaultValue = "15")
    int gridMinutes;

    /**
     * What the caller asked; null means "not given". Built from {@link #of} or {@link #startingAt} and the named
     * refinements below, so that no caller lines up thirteen positional values (six of them ids).
     * {@code ignoreBooking} leaves one booking's own occupancy out, so that a reschedule may move a session by less
     * than its length. {@code locking} is for a booking's own check: see {@link #lockingCandidates}.
     */
    public record Query(Long serviceId, List<Long> officeIds, SessionMode mode, Instant from, Instant to,
                       Language language, Long clientId, Integer limit, boolean allCandidates, Long ignoreBooking,
                       Long onlyAdvisor, Long onlyRoom, boolean locking) {

        /** The service at these offices (nearest first), in [from, to); a null mode, from or to takes the default. */
        public static Query of(Long serviceId, List<Long> officeIds, SessionMode mode, Instant from, Instant to) {
            return new Query(serviceId, officeIds, mode, from, to, null, null, null, false, null, null, null, false);
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
                    onlyAdvisor, onlyRoom, locking);
        }

        /** Only advisors who speak the language. */
        public Query speaking(Language spoken) {
            return new Query(serviceId, officeIds, mode, from, to, spoken, clientId, limit, allCandidates,
                    ignoreBooking, onlyAdvisor, onlyRoom, locking);
        }

        /** At most this many slots (null: the default). */
        public Query first(Integer most) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, most, allCandidates,
                    ignoreBooking, onlyAdvisor, onlyRoom, locking);
        }

        /** Whether each slot lists every free advisor and room, not just the suggested ones. */
        public Query withCandidates(boolean all) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, all, ignoreBooking,
                    onlyAdvisor, onlyRoom, locking);
        }

        /** As if this booking (being moved) did not occupy its advisor, room and client. */
        public Query ignoring(Long bookingId) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    bookingId, onlyAdvisor, onlyRoom, locking);
        }

        /** Only this advisor (null: any advisor of the service). */
        public Query onlyAdvisor(Long advisorId) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    ignoreBooking, advisorId, onlyRoom, locking);
        }

        /** Only this room (null: any suitable room of the office). */
        public Query onlyRoom(Long roomId) {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    ignoreBooking, onlyAdvisor, roomId, locking);
        }

        /**
         * Locks the candidates (advisors, rooms, the client) in the ledger before reading their occupancy, inside
         * the caller's transaction: a booking that names its advisor and room then checks the slot and the ledger
         * with one read (see {@link OccupancyLedger#lock}); {@link Found#locked()} hands the locks on.
         */
        public Query lockingCandidates() {
            return new Query(serviceId, officeIds, mode, from, to, language, clientId, limit, allCandidates,
                    ignoreBooking, onlyAdvisor, onlyRoom, true);
        }
    }

    /**
     * The slots, and the names that go with their ids; the catalogue they were found in, and (for a
     * {@link Query#lockingCandidates locking} search) the ledger's locks and read, else null.
     */
    public record Found(TimeRange window, int gridMinutes, List<Slot> slots, Map<Long, Catalogue.OfficeEntry> offices,
                        Map<Long, String> advisorNames, Map<Long, String> roomNames, Catalogue catalogue,
                        OccupancyLedger.Locked locked) {
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

    /** The same search in a catalogue the caller already holds (read in its transaction). */
    public Found search(Query query, Catalogue catalogue) {
        return search(query, Draft.NONE, catalogue);
    }

    /** The same search, with the advisor's rules as they would be if the draft were saved. */
    public Found search(Query query, Draft draft) {
        return search(query, draft, catalogues.now());
    }

    /** The same search in a catalogue the caller already holds (read in its transaction). */
    public Found search(Query query, Draft draft, Catalogue catalogue) {
        Instant now = clock.instant();
        Catalogue.ServiceEntry service = activeService(catalogue, query.serviceId());
        Service.Terms terms = service.terms();
        List<SessionMode> modes = modes(service, query.mode());
        int limit = limit(query.limit());
        Map<Long, Catalogue.OfficeEntry> offices = offices(catalogue, query.officeIds());
        TimeRange window = window(query, terms, now);
        Instant earliest = earliestStart(window, terms, now);
        if (!earliest.isBefore(window.end())) {
            return new Found(window, grid(), List.of(), offices, Map.of(), Map.of(), catalogue, null);
        }

        Duration before = Duration.ofMinutes(terms.bufferBeforeMinutes());
        Duration after = Duration.ofMinutes(terms.bufferAfterMinutes());
        TimeRange reach = new TimeRange(earliest, window.end().plus(service.duration()))
                .widen(before, after);
        LocalDate firstDay = Clocks.dateIn(earliest);
        LocalDate lastDay = Clocks.dateIn(reach.end());
        Set<LocalDate> closedDays = catalogue.holidaysBetween(firstDay, lastDay);

        Map<Long, String> advisorNames = advisors(catalogue, service, query.language(), query.onlyAdvisor());
        Map<Long, String> roomNames = new HashMap<>();
        List<Site> sites = sites(catalogue, offices, modes, firstDay, lastDay, closedDays, query.onlyRoom(),
                roomNames);

        Map<Long, List<AvailabilityWindow>> windows = windows(catalogue, advisorNames.keySet(), firstDay, lastDay,
                draft);
        List<Candidate> candidates = windows.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue()))
                .toList();
        Set<Long> available = windows.keySet();
        advisorNames.keySet().retainAll(available);

        Map<Resource, Collection<Long>> asked = new EnumMap<>(Resource.class);
        asked.put(Resource.ADVISOR, available);
        asked.put(Resource.ROOM, roomNames.keySet());
        asked.put(Resource.CLIENT, query.clientId() == null ? List.of() : List.of(query.clientId()));
        OccupancyLedger.Locked locked = null;
        OccupancyLedger.Occupied occupied;
        if (query.locking()) {
            List<OccupancyLedger.Key> keys = new ArrayList<>();
            asked.forEach((resource, ids) -> ids.forEach(id -> keys.add(new OccupancyLedger.Key(resource, id))));
            locked = ledger.lock(keys, reach, now, query.ignoreBooking());
            occupied = locked.occupied();
        } else {
            occupied = ledger.read(asked, reach, now, query.ignoreBooking());
        }
        Map<Long, List<TimeRange>> advisorBusy = new HashMap<>();
        occupied.of(Resource.ADVISOR).forEach((id, busy) -> advisorBusy.put(id, new ArrayList<>(busy)));
        addLeave(catalogue, service, available, reach, advisorBusy);
        List<TimeRange> clientBusy = query.clientId() == null ? List.of()
                : occupied.of(Resource.CLIENT).getOrDefault(query.clientId(), List.of());

        Taken taken = new Taken(busyTimes(advisorBusy), busyTimes(occupied.of(Resource.ROOM)),
                BusyTimes.of(clientBusy));
        Demand demand = new Demand(service.duration(), before, after, earliest, window.end(), modes, grid(),
                limit, query.allCandidates());
        List<Slot> slots = SlotFinder.find(demand, sites, candidates, taken);
        return new Found(window, grid(), slots, offices, advisorNames, roomNames, catalogue, locked);
    }

    private int grid() {
        if (gridMinutes < Service.MINUTE_GRANULARITY || gridMinutes % Service.MINUTE_GRANULARITY != 0) {
            throw new IllegalStateException("linkup.slots.grid-minutes must be a multiple of "
                    + Service.MINUTE_GRANULARITY);
        }
        return gridMinutes;
    }

    private static Catalogue.ServiceEntry activeService(Catalogue catalogue, Long id) {
        if (id == null) {
            throw new InvalidInput("service", "is required");
        }
        return catalogue.service(id).filter(Catalogue.ServiceEntry::bookable)
                .orElseThrow(() -> new InvalidInput("service", "no active service with id " + id));
    }

    private static List<SessionMode> modes(Catalogue.ServiceEntry service, SessionMode asked) {
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

    private static Map<Long, Catalogue.OfficeEntry> offices(Catalogue catalogue, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInput("office", "name at least one office (any SSO the client can reach)");
        }
        if (ids.size() > MAX_OFFICES) {
            throw new InvalidInput("office", "at most " + MAX_OFFICES + " offices per search");
        }
        Map<Long, Catalogue.OfficeEntry> offices = new LinkedHashMap<>();
        for (Long id : ids) {
            Catalogue.OfficeEntry office = catalogue.office(id).filter(Catalogue.OfficeEntry::active)
                    .orElseThrow(() -> new InvalidInput("office", "no active office with id " + id));
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
    private static Map<Long, String> advisors(Catalogue catalogue, Catalogue.ServiceEntry service, Language language,
                                              Long only) {
        Map<Long, String> names = new HashMap<>();
        for (Catalogue.AdvisorEntry advisor : catalogue.advisorsOffering(service.id())) {
            if ((language == null || advisor.languages().contains(language))
                    && (only == null || only == advisor.id())) {
                names.put(advisor.id(), advisor.displayName());
            }
        }
        return names;
    }

    private static List<Site> sites(Catalogue catalogue, Map<Long, Catalogue.OfficeEntry> offices,
                                    List<SessionMode> modes, LocalDate firstDay, LocalDate lastDay,
                                    Set<LocalDate> closedDays, Long onlyRoom, Map<Long, String> roomNames) {
        boolean needsRooms = modes.stream().anyMatch(SessionMode::needsRoom);
        List<Site> sites = new ArrayList<>();
        for (Catalogue.OfficeEntry office : offices.values()) {
            List<RoomSpec> rooms = new ArrayList<>();
            if (needsRooms) {
                for (Catalogue.RoomEntry room : catalogue.roomsAt(office.id())) {
                    if (onlyRoom == null || onlyRoom == room.id()) {
                        rooms.add(new RoomSpec(room.id(), room.kind()));
                        roomNames.put(room.id(), room.name());
                    }
                }
            }
            sites.add(new Site(office.id(), openPeriods(office, firstDay, lastDay, closedDays), rooms));
        }
        return sites;
    }

    /** When the office is open on the Singapore dates [firstDay, lastDay], minus its closures and holidays. */
    static List<TimeRange> openPeriods(Catalogue.OfficeEntry office, LocalDate firstDay, LocalDate lastDay,
                                       Set<LocalDate> holidays) {
        List<TimeRange> open = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (holidays.contains(day) || office.isClosedOn(day)) {
                continue;
            }
            for (Catalogue.Hours hours : office.openingHoursOn(day)) {
                open.add(new TimeRange(Clocks.at(day, hours.opens()), Clocks.at(day, hours.closes())));
            }
        }
        return open;
    }

    /** The first moment a session may start: the window's start, but not before the minimum notice. */
    static Instant earliestStart(TimeRange window, Service.Terms terms, Instant now) {
        return later(window.start(), now.plus(Duration.ofMinutes(terms.minNoticeMinutes())));
    }

    /** The advisors' windows from the catalogue; a draft replaces (or adds to) its advisor's rules. */
    private static Map<Long, List<AvailabilityWindow>> windows(Catalogue catalogue, Set<Long> advisorIds,
                                                               LocalDate firstDay, LocalDate lastDay, Draft draft) {
        if (advisorIds.isEmpty()) {
            return new HashMap<>();
        }
        AvailabilityRule drafted = draft.rule();
        if (drafted == null || !advisorIds.contains(drafted.advisorId())) {
            return catalogue.windows(advisorIds, firstDay, lastDay);
        }
        Set<Long> others = new HashSet<>(advisorIds);
        others.remove(drafted.advisorId());
        Map<Long, List<AvailabilityWindow>> windows = catalogue.windows(others, firstDay, lastDay);
        List<AvailabilityWindow> own = new ArrayList<>();
        for (AvailabilityRule.Pattern rule : catalogue.rulesOf(drafted.advisorId())) {
            if (!rule.ruleId().equals(draft.replacing())) {
                own.addAll(rule.windows(firstDay, lastDay));
            }
        }
        own.addAll(drafted.windows(firstDay, lastDay));
        if (!own.isEmpty()) {
            windows.put(drafted.advisorId(), own);
        }
        return windows;
    }

    private static void addLeave(Catalogue catalogue, Catalogue.ServiceEntry service, Set<Long> advisors,
                                 TimeRange reach, Map<Long, List<TimeRange>> advisorBusy) {
        for (Catalogue.Leave leave : catalogue.leaveOf(service.agencyId(), reach)) {
            for (Long id : leave.advisorId() == null ? advisors : Set.of(leave.advisorId())) {
                if (advisors.contains(id)) {
                    advisorBusy.computeIfAbsent(id, k -> new ArrayList<>()).add(leave.range());
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
