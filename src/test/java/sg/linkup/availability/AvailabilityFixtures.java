package sg.linkup.availability;

import java.lang.reflect.Field;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sg.linkup.availability.control.Catalogue;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.CatalogueEntry;

/** Valid availability objects for tests, so that each test spells out only what it is about. */
public final class AvailabilityFixtures {

    /** Written out rather than taken from the code under test: Singapore is UTC+8 all year. */
    public static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    public static final long ADVISOR_ID = 7L;
    public static final long OFFICE_ID = 3L;

    private static final Coordinates TAMPINES = new Coordinates(1.3526, 103.9447);

    private AvailabilityFixtures() {
    }

    /** Gives an entity built with {@code new} the id the database would have given it. */
    public static <T extends CatalogueEntry> T withId(T entry, long id) {
        try {
            Field field = CatalogueEntry.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entry, id);
            return entry;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the id of " + entry, e);
        }
    }

    public static PartnerAgency agency() {
        return new PartnerAgency("WSG", "Workforce Singapore", AgencyDomain.EMPLOYMENT, null, "1 Example Road",
                TAMPINES);
    }

    /** An advisor whose id ({@link #ADVISOR_ID}) is set, so rules built for it carry that id. */
    public static Advisor advisor() {
        return withId(new Advisor(withId(agency(), 1L), "Tan Mei Ling", "mei.ling@wsg.example",
                Set.of(Language.EN), List.of()), ADVISOR_ID);
    }

    public static OpeningHours hours(DayOfWeek day, String opens, String closes) {
        return new OpeningHours(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Weekdays 08:30–12:00 and 13:00–17:30 (a lunch break), Saturday 09:00–12:00, closed on Sunday. */
    public static Office office() {
        List<OpeningHours> week = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            week.add(hours(day, "08:30", "12:00"));
            week.add(hours(day, "13:00", "17:30"));
        }
        week.add(hours(DayOfWeek.SATURDAY, "09:00", "12:00"));
        return withId(new Office("TAMPINES", "SSO@Tampines", "1 Tampines Walk", "528523", TAMPINES, week),
                OFFICE_ID);
    }

    /** The office as the catalogue in memory holds it (what CatalogueCache reads from its rows). */
    public static Catalogue.OfficeEntry entryOf(Office office) {
        return new Catalogue.OfficeEntry(office.id(), office.name(), office.isActive(),
                office.openingHours().stream().map(h -> new Catalogue.Hours(h.day(), h.opens(), h.closes())).toList(),
                office.closures().stream().map(c -> new Catalogue.Closure(c.firstDay(), c.lastDay())).toList());
    }

    public static Service.Terms terms(int minNoticeMinutes, int horizonDays) {
        return new Service.Terms(45, Set.of(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO), 0, 0,
                minNoticeMinutes, horizonDays);
    }

    /** The instant of a Singapore wall-clock time, computed independently of the code under test. */
    public static Instant sgt(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SINGAPORE).toInstant();
    }

    /** A video-only schedule (no office) from {@code validFrom}, open-ended, no excepted dates. */
    public static AvailabilityRule.Schedule videoSchedule(String rrule, String start, String end,
                                                          LocalDate validFrom) {
        return new AvailabilityRule.Schedule(Recurrence.parse(rrule), LocalTime.parse(start), LocalTime.parse(end),
                validFrom, null, Set.of(SessionMode.VIDEO_REMOTE), null, Set.of());
    }

    public static AvailabilityRule rule(String rrule, String start, String end, LocalDate validFrom,
                                        LocalDate validUntil, LocalDate... exceptDates) {
        return new AvailabilityRule(advisor(), new AvailabilityRule.Schedule(Recurrence.parse(rrule),
                LocalTime.parse(start), LocalTime.parse(end), validFrom, validUntil,
                Set.of(SessionMode.VIDEO_REMOTE), null, Set.of(exceptDates)));
    }
}
