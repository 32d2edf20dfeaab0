package sg.linkup.availability.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * When an advisor is available, and how: "Tuesdays and Thursdays 09:00–12:00 in person at SSO@Bedok" or
 * "weekdays 14:00–17:00 on video from the agency". Times are Singapore local times on the dates the RRULE
 * yields between validFrom and validUntil, minus the excepted dates.
 */
@Entity
@Table(name = "availability_rule")
public class AvailabilityRule {

    /** Two open-ended rules are compared over this many days; every daily or weekly pattern repeats within. */
    static final int OVERLAP_HORIZON_DAYS = 2 * 366;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "advisor_id", nullable = false, updatable = false)
    private Advisor advisor;

    /** Read without loading the advisor: slot search needs only ids. */
    @Column(name = "advisor_id", insertable = false, updatable = false)
    private Long advisorId;

    @Column(name = "office_id", insertable = false, updatable = false)
    private Long officeId;

    @Column(name = "rrule", nullable = false, length = 500)
    private String rrule;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "office_id")
    private Office office;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "availability_rule_mode", joinColumns = @JoinColumn(name = "rule_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 20)
    private Set<SessionMode> modes = EnumSet.noneOf(SessionMode.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "availability_rule_exdate", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "day", nullable = false)
    private Set<LocalDate> exceptDates = new HashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private Recurrence recurrence;

    protected AvailabilityRule() {
    }

    public AvailabilityRule(Advisor advisor, Schedule schedule) {
        this.advisor = advisor;
        this.advisorId = advisor.id();
        reschedule(schedule);
    }

    /**
     * What a rule says, checked as one because its parts constrain each other. {@code office} is required
     * exactly when the advisor is in person at an SSO.
     */
    public record Schedule(Recurrence recurrence, LocalTime startTime, LocalTime endTime, LocalDate validFrom,
                           LocalDate validUntil, Set<SessionMode> modes, Office office, Set<LocalDate> exceptDates) {
        public Schedule {
            if (recurrence == null) {
                throw new InvalidInput("rrule", "give a recurrence such as FREQ=WEEKLY;BYDAY=TU,TH");
            }
            if (startTime == null || endTime == null) {
                throw new InvalidInput(startTime == null ? "startTime" : "endTime", "is required (HH:mm)");
            }
            if (!onGrid(startTime) || !onGrid(endTime)) {
                throw new InvalidInput(onGrid(startTime) ? "endTime" : "startTime",
                        "must be on a " + Service.MINUTE_GRANULARITY + "-minute boundary");
            }
            if (!endTime.isAfter(startTime)) {
                throw new InvalidInput("endTime", "must be after startTime (rules do not run past midnight)");
            }
            if (validFrom == null) {
                throw new InvalidInput("validFrom", "is required");
            }
            if (validUntil != null && validUntil.isBefore(validFrom)) {
                throw new InvalidInput("validUntil", "must not be before validFrom");
            }
            if (modes == null || modes.isEmpty()) {
                throw new InvalidInput("modes", "name at least one mode");
            }
            boolean inPerson = modes.contains(SessionMode.IN_PERSON);
            if (inPerson && office == null) {
                throw new InvalidInput("office", "an IN_PERSON rule names the SSO where the advisor sits");
            }
            if (!inPerson && office != null) {
                throw new InvalidInput("office", "only IN_PERSON rules name an SSO; video is from the agency");
            }
            modes = Set.copyOf(modes);
            exceptDates = exceptDates == null ? Set.of() : Set.copyOf(exceptDates);
        }

        private static boolean onGrid(LocalTime time) {
            return time.getSecond() == 0 && time.getNano() == 0
                    && time.getMinute() % Service.MINUTE_GRANULARITY == 0;
        }
    }

    public final void reschedule(Schedule schedule) {
        LocalDate lastChecked = schedule.validUntil() != null ? schedule.validUntil()
                : schedule.validFrom().plusDays(OVERLAP_HORIZON_DAYS);
        if (schedule.recurrence().dates(schedule.validFrom(), schedule.validFrom(), lastChecked).stream()
                .allMatch(schedule.exceptDates()::contains)) {
            throw new InvalidInput("rrule", "the rule never occurs between validFrom and validUntil");
        }
        this.recurrence = schedule.recurrence();
        this.rrule = schedule.recurrence().toString();
        this.startTime = schedule.startTime();
        this.endTime = schedule.endTime();
        this.validFrom = schedule.validFrom();
        this.validUntil = schedule.validUntil();
        this.office = schedule.office();
        this.officeId = office == null ? null : office.id();
        this.modes.clear();
        this.modes.addAll(schedule.modes());
        this.exceptDates.clear();
        this.exceptDates.addAll(schedule.exceptDates());
    }

    /**
     * What the rule says as a plain value, detached from the persistence context: slot search keeps these in memory
     * between catalogue changes (see {@code CatalogueCache}), and the entity answers through the same code.
     */
    public record Pattern(Long ruleId, Long advisorId, Long officeId, Recurrence recurrence, LocalTime startTime,
                          LocalTime endTime, LocalDate validFrom, LocalDate validUntil, Set<SessionMode> modes,
                          Set<LocalDate> exceptDates) {
        public Pattern {
            modes = Set.copyOf(modes);
            exceptDates = Set.copyOf(exceptDates);
        }

        /** The dates in [from, to] on which the rule gives availability. */
        public List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
            LocalDate first = from.isBefore(validFrom) ? validFrom : from;
            LocalDate last = validUntil != null && validUntil.isBefore(to) ? validUntil : to;
            if (last.isBefore(first)) {
                return List.of();
            }
            return recurrence.dates(validFrom, first, last).stream()
                    .filter(day -> !exceptDates.contains(day))
                    .toList();
        }

        /** The rule's availability on the Singapore dates [from, to]. */
        public List<AvailabilityWindow> windows(LocalDate from, LocalDate to) {
            return datesBetween(from, to).stream()
                    .map(day -> new AvailabilityWindow(advisorId,
                            new TimeRange(Clocks.at(day, startTime), Clocks.at(day, endTime)), modes, officeId))
                    .toList();
        }
    }

    public Pattern pattern() {
        return new Pattern(id, advisorId, officeId, recurrence(), startTime, endTime, validFrom, validUntil, modes,
                exceptDates);
    }

    /** The dates in [from, to] on which this rule gives availability. */
    public List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        return pattern().datesBetween(from, to);
    }

    /** This rule's availability on the Singapore dates [from, to]. */
    public List<AvailabilityWindow> windows(LocalDate from, LocalDate to) {
        return pattern().windows(from, to);
    }

    /**
     * The first date on which both rules give availability at overlapping times, if any: an advisor cannot be
     * in two places (or two modes) at once, so such a pair is refused.
     */
    public Optional<LocalDate> firstClashWith(AvailabilityRule other) {
        if (!startTime.isBefore(other.endTime) || !other.startTime.isBefore(endTime)) {
            return Optional.empty();
        }
        LocalDate from = validFrom.isAfter(other.validFrom) ? validFrom : other.validFrom;
        LocalDate to = earliest(validUntil, other.validUntil, from.plusDays(OVERLAP_HORIZON_DAYS));
        if (to.isBefore(from)) {
            return Optional.empty();
        }
        Set<LocalDate> mine = new TreeSet<>(datesBetween(from, to));
        return other.datesBetween(from, to).stream().filter(mine::contains).findFirst();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b, LocalDate cap) {
        LocalDate result = cap;
        if (a != null && a.isBefore(result)) {
            result = a;
        }
        if (b != null && b.isBefore(result)) {
            result = b;
        }
        return result;
    }

    private Recurrence recurrence() {
        if (recurrence == null) {
            recurrence = Recurrence.parse(rrule);
        }
        return recurrence;
    }

    public Long id() {
        return id;
    }

    public Advisor advisor() {
        return advisor;
    }

    public String rrule() {
        return rrule;
    }

    public LocalTime startTime() {
        return startTime;
    }

    public LocalTime endTime() {
        return endTime;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Office office() {
        return office;
    }

    public Long officeId() {
        return officeId;
    }

    public Long advisorId() {
        return advisorId;
    }

    public Set<SessionMode> modes() {
        return Set.copyOf(modes);
    }

    public Set<LocalDate> exceptDates() {
        return new TreeSet<>(exceptDates);
    }

    public long version() {
        return version;
    }
}
