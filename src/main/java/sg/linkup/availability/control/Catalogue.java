package sg.linkup.availability.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * The catalogue as slot search and the booking check read it, as it was at one {@link CatalogueCache stamp}:
 * offices with their hours and closures, rooms, services and their terms, advisors, availability rules, leave and
 * agency closures, public holidays. Immutable once built, so every request thread may read it at once; only the
 * rules' expansion into windows is filled in on demand, per block of days, and kept while this copy lives.
 *
 * <p>Nothing here is checked when it is built: a value the database should not hold (a service's terms, a rule's
 * RRULE) fails the searches that read it, as it did when each search read its own rows, not every search.
 */
public final class Catalogue {

    /** Rules are expanded for this many days at once: counters search a fortnight, bookings one day in it. */
    static final int BLOCK_DAYS = 28;
    /** Expanded blocks kept per copy (about five years ahead); further ones are expanded for each request. */
    static final int MOST_BLOCKS = 64;

    /** An office: its weekly hours and its closures, as slot search needs them. */
    public record OfficeEntry(long id, String name, boolean active, List<Hours> hours, List<Closure> closures) {
        public OfficeEntry {
            hours = hours.stream().sorted(Comparator.comparing(Hours::day).thenComparing(Hours::opens)).toList();
            closures = List.copyOf(closures);
        }

        public boolean isClosedOn(LocalDate day) {
            return closures.stream().anyMatch(c -> c.covers(day));
        }

        /** The hours the office is open on a date: none when it is inactive or closed that day. */
        public List<Hours> openingHoursOn(LocalDate day) {
            if (!active || isClosedOn(day)) {
                return List.of();
            }
            return hours.stream().filter(h -> h.day() == day.getDayOfWeek()).toList();
        }
    }

    /** One opening interval on a weekday, Singapore wall-clock time. */
    public record Hours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    /** Whole days an office is closed, both ends included. */
    public record Closure(LocalDate firstDay, LocalDate lastDay) {
        boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    /** An active room. */
    public record RoomEntry(long id, long officeId, String name, RoomKind kind) {
    }

    /**
     * A service; {@code bookable} when it and its agency are active. Its terms are checked when read, as
     * {@link Service#terms()} does, so that one bad row fails only the searches for that service.
     */
    public record ServiceEntry(long id, String code, long agencyId, boolean bookable, int durationMinutes,
                               Set<SessionMode> allowedModes, int bufferBeforeMinutes, int bufferAfterMinutes,
                               int minNoticeMinutes, int horizonDays) {
        public ServiceEntry {
            allowedModes = Set.copyOf(allowedModes);
        }

        public Service.Terms terms() {
            return new Service.Terms(durationMinutes, allowedModes, bufferBeforeMinutes, bufferAfterMinutes,
                    minNoticeMinutes, horizonDays);
        }

        public Duration duration() {
            return Duration.ofMinutes(durationMinutes);
        }

        public boolean allows(SessionMode mode) {
            return allowedModes.contains(mode);
        }
    }

    /** An advisor, active or not (a booking's invitation still names an advisor who has left since). */
    public record AdvisorEntry(long id, String displayName, String email, long agencyId, boolean active,
                               Set<Language> languages, Set<Long> serviceIds) {
        public AdvisorEntry {
            languages = Set.copyOf(languages);
            serviceIds = Set.copyOf(serviceIds);
        }
    }

    /** An advisor's leave ({@code advisorId} set) or a closure of the whole agency (null). */
    public record Leave(long agencyId, Long advisorId, TimeRange range) {
    }

    private final long stamp;
    private final Instant leaveFrom;
    private final Map<Long, OfficeEntry> offices;
    private final Map<Long, List<RoomEntry>> roomsByOffice;
    private final Map<Long, ServiceEntry> services;
    private final Map<Long, AdvisorEntry> advisors;
    private final Map<Long, List<AdvisorEntry>> activeByService;
    private final Map<Long, List<AvailabilityRule.Pattern>> rulesByAdvisor;
    private final List<AvailabilityRule.Pattern> rules;
    private final Map<Long, RuntimeException> unreadableRules;
    private final Map<Long, List<Leave>> leaveByAgency;
    private final TreeSet<LocalDate> holidays;
    private final Map<Long, Block> blocks = new ConcurrentHashMap<>();

    /**
     * {@code rules} are those that may still give availability, and {@code unreadableRules} why an advisor's rule
     * could not be read (its RRULE), which then fails the searches that need that advisor; {@code leave} is every
     * blackout that ends after {@code leaveFrom} — a search never reaches further back than that (see
     * {@link #leaveOf}).
     */
    public Catalogue(long stamp, Collection<OfficeEntry> offices, Collection<RoomEntry> rooms,
                     Collection<ServiceEntry> services, Collection<AdvisorEntry> advisors,
                     Collection<AvailabilityRule.Pattern> rules, Map<Long, RuntimeException> unreadableRules,
                     Instant leaveFrom, Collection<Leave> leave, Collection<LocalDate> holidays) {
        this.stamp = stamp;
        this.leaveFrom = leaveFrom;
        this.offices = offices.stream().collect(Collectors.toUnmodifiableMap(OfficeEntry::id, o -> o));
        this.roomsByOffice = rooms.stream().sorted(Comparator.comparingLong(RoomEntry::id))
                .collect(Collectors.groupingBy(RoomEntry::officeId, Collectors.toUnmodifiableList()));
        this.services = services.stream().collect(Collectors.toUnmodifiableMap(ServiceEntry::id, s -> s));
        this.advisors = advisors.stream().collect(Collectors.toUnmodifiableMap(AdvisorEntry::id, a -> a));
        Map<Long, List<AdvisorEntry>> byService = new HashMap<>();
        for (AdvisorEntry advisor : advisors) {
            if (advisor.active()) {
                advisor.serviceIds().forEach(id -> byService.computeIfAbsent(id, k -> new ArrayList<>()).add(advisor));
            }
        }
        this.activeByService = byService;
        this.rules = List.copyOf(rules);
        this.unreadableRules = Map.copyOf(unreadableRules);
        this.rulesByAdvisor = this.rules.stream().collect(Collectors.groupingBy(AvailabilityRule.Pattern::advisorId,
                Collectors.toUnmodifiableList()));
        this.leaveByAgency = leave.stream().sorted(Comparator.comparing(Leave::range))
                .collect(Collectors.groupingBy(Leave::agencyId, Collectors.toUnmodifiableList()));
        this.holidays = new TreeSet<>(holidays);
    }

    /** The database's change stamp this copy was built at. */
    public long stamp() {
        return stamp;
    }

    public Optional<ServiceEntry> service(Long id) {
        return Optional.ofNullable(id == null ? null : services.get(id));
    }

    public Optional<OfficeEntry> office(Long id) {
        return Optional.ofNullable(id == null ? null : offices.get(id));
    }

    public Optional<AdvisorEntry> advisor(Long id) {
        return Optional.ofNullable(id == null ? null : advisors.get(id));
    }

    /** The active rooms of an office, by id. */
    public List<RoomEntry> roomsAt(long officeId) {
        return roomsByOffice.getOrDefault(officeId, List.of());
    }

    /** The active advisors who offer the service. */
    public List<AdvisorEntry> advisorsOffering(long serviceId) {
        return activeByService.getOrDefault(serviceId, List.of());
    }

    /** The rules of one advisor that may still give availability. */
    public List<AvailabilityRule.Pattern> rulesOf(long advisorId) {
        return rulesByAdvisor.getOrDefault(advisorId, List.of());
    }

    public Set<LocalDate> holidaysBetween(LocalDate first, LocalDate last) {
        return last.isBefore(first) ? Set.of() : Set.copyOf(holidays.subSet(first, true, last, true));
    }

    /** The agency's closures and its advisors' leave that overlap the range. */
    public List<Leave> leaveOf(long agencyId, TimeRange range) {
        if (range.start().isBefore(leaveFrom)) {
            // Built from a clock at most a session's buffers behind any search's: this would be a programming error.
            throw new IllegalStateException("leave is kept from " + leaveFrom + ", asked from " + range.start());
        }
        List<Leave> found = new ArrayList<>();
        for (Leave leave : leaveByAgency.getOrDefault(agencyId, List.of())) {
            if (!leave.range().start().isBefore(range.end())) {
                break;
            }
            if (leave.range().overlaps(range)) {
                found.add(leave);
            }
        }
        return found;
    }

    /**
     * The advisors' availability on the Singapore dates [first, last], those without any left out. Expanded once
     * per block of days and kept, so a search costs lookups, not RRULE expansion.
     */
    public Map<Long, List<AvailabilityWindow>> windows(Set<Long> advisorIds, LocalDate first, LocalDate last) {
        Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
        for (Long advisor : advisorIds) {
            RuntimeException unreadable = unreadableRules.get(advisor);
            if (unreadable != null) {
                throw unreadable;
            }
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Block block = block(Math.floorDiv(day.toEpochDay(), BLOCK_DAYS));
            Map<Long, List<AvailabilityWindow>> thatDay = block.byDay().getOrDefault(day, Map.of());
            for (Long advisor : advisorIds) {
                RuntimeException unreadable = block.unreadable().get(advisor);
                if (unreadable != null) {
                    throw unreadable;
                }
                List<AvailabilityWindow> found = thatDay.get(advisor);
                if (found != null) {
                    windows.computeIfAbsent(advisor, id -> new ArrayList<>()).addAll(found);
                }
            }
        }
        return windows;
    }

    /** Windows by day and advisor for one block of days; a rule that cannot be expanded fails its advisor only. */
    private record Block(Map<LocalDate, Map<Long, List<AvailabilityWindow>>> byDay,
                         Map<Long, RuntimeException> unreadable) {
    }

    private Block block(long index) {
        Block kept = blocks.get(index);
        if (kept != null) {
            return kept;
        }
        if (blocks.size() >= MOST_BLOCKS) {
            return expand(index);
        }
        // Concurrent searches of a new block wait for one expansion rather than each doing it.
        return blocks.computeIfAbsent(index, this::expand);
    }

    private Block expand(long index) {
        LocalDate first = LocalDate.ofEpochDay(index * BLOCK_DAYS);
        LocalDate last = first.plusDays(BLOCK_DAYS - 1L);
        Map<LocalDate, Map<Long, List<AvailabilityWindow>>> byDay = new HashMap<>();
        Map<Long, RuntimeException> unreadable = new HashMap<>();
        for (AvailabilityRule.Pattern rule : rules) {
            List<AvailabilityWindow> ruleWindows;
            try {
                ruleWindows = rule.windows(first, last);
            } catch (RuntimeException e) {
                unreadable.putIfAbsent(rule.advisorId(), e);
                continue;
            }
            for (AvailabilityWindow window : ruleWindows) {
                LocalDate day = Clocks.dateIn(window.range().start());
                byDay.computeIfAbsent(day, d -> new HashMap<>())
                        .computeIfAbsent(window.advisorId(), id -> new ArrayList<>()).add(window);
            }
        }
        return new Block(byDay, unreadable);
    }
}
