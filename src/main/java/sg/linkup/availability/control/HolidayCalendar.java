package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import sg.linkup.availability.entity.PublicHoliday;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/**
 * Singapore public holidays, kept in the database so that every node agrees, and filled from an iCalendar
 * file (one all-day VEVENT per holiday, as MOM's and most calendar programs' exports are).
 */
@ApplicationScoped
public class HolidayCalendar {

    /** A holiday list longer than this is not a holiday list. */
    static final int MOST_DAYS = 400;

    @PersistenceContext
    EntityManager em;

    /** What an import did: the years it replaced and how many days they now hold. */
    public record Imported(SortedSet<Integer> years, int days) {
    }

    public Set<LocalDate> daysBetween(LocalDate first, LocalDate last) {
        return new HashSet<>(em.createQuery(
                        "SELECT h.day FROM PublicHoliday h WHERE h.day BETWEEN :first AND :last", LocalDate.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList());
    }

    public List<PublicHoliday> list(LocalDate first, LocalDate last) {
        return em.createQuery("SELECT h FROM PublicHoliday h WHERE h.day BETWEEN :first AND :last ORDER BY h.day",
                        PublicHoliday.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList();
    }

    public Set<Integer> yearsKnown() {
        return new TreeSet<>(em.createQuery("SELECT DISTINCT FUNCTION('YEAR', h.day) FROM PublicHoliday h",
                Number.class).getResultList().stream().map(Number::intValue).toList());
    }

    /**
     * Replaces the holidays of every year the calendar mentions with the calendar's; other years stay.
     * With {@code onlyNewYears}, years already in the database are left alone (the start-up default must not
     * undo an operator's newer import).
     */
    @Transactional
    public Imported replace(Reader icalendar, boolean onlyNewYears) {
        return replace(parse(icalendar), onlyNewYears);
    }

    /** {@link #replace(Reader, boolean)} for a calendar already parsed. */
    @Transactional
    public Imported replace(SortedMap<LocalDate, String> parsed, boolean onlyNewYears) {
        SortedSet<Integer> years = new TreeSet<>();
        parsed.keySet().forEach(day -> years.add(day.getYear()));
        if (onlyNewYears) {
            years.removeAll(yearsKnown());
        }
        int days = 0;
        for (int year : years) {
            em.createQuery("DELETE FROM PublicHoliday h WHERE h.day BETWEEN :first AND :last")
                    .setParameter("first", LocalDate.of(year, 1, 1))
                    .setParameter("last", LocalDate.of(year, 12, 31))
                    .executeUpdate();
            for (var entry : parsed.subMap(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).entrySet()) {
                em.persist(new PublicHoliday(entry.getKey(), entry.getValue()));
                days++;
            }
        }
        // A day inserted meanwhile by another node fails here, as this call's exception, not later at commit.
        em.flush();
        return new Imported(years, days);
    }

    /**
     * The holidays in an iCalendar text: each VEVENT's days from DTSTART up to (not including) DTEND, or
     * DTSTART + DURATION.
     */
    static SortedMap<LocalDate, String> parse(Reader icalendar) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(icalendar);
        } catch (IOException | ParserException | RuntimeException e) {
            throw new InvalidInput("calendar", "not a readable iCalendar file: " + e.getMessage());
        }
        SortedMap<LocalDate, String> holidays = new TreeMap<>();
        for (Object component : calendar.getComponents()) {
            if (!(component instanceof VEvent event)) {
                continue;
            }
            String name = event.getSummary() == null ? "Public holiday" : event.getSummary().getValue().strip();
            if (name.isEmpty() || name.length() > 120) {
                throw new InvalidInput("calendar", "each holiday needs a SUMMARY of 1 to 120 characters");
            }
            Text.singleLine("calendar", name);
            LocalDate first;
            try {
                first = dateOf(event.getDateTimeStart().getDate());
            } catch (RuntimeException e) {
                throw new InvalidInput("calendar", "the holiday '" + name + "' has no valid DTSTART");
            }
            LocalDate end = event.getEndDate(true)
                    .map(dtEnd -> dateOf(dtEnd.getDate()))
                    .filter(day -> day.isAfter(first))
                    .orElse(first.plusDays(1));
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                holidays.put(day, name);
                if (holidays.size() > MOST_DAYS) {
                    throw new InvalidInput("calendar", "more than " + MOST_DAYS + " holiday days in one file");
                }
            }
        }
        if (holidays.isEmpty()) {
            throw new InvalidInput("calendar", "the calendar holds no VEVENT holidays");
        }
        return holidays;
    }

    private static LocalDate dateOf(Temporal value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime local) {
            return local.toLocalDate();
        }
        if (value instanceof ZonedDateTime zoned) {
            return Clocks.dateIn(zoned.toInstant());
        }
        if (value instanceof OffsetDateTime offset) {
            return Clocks.dateIn(offset.toInstant());
        }
        if (value instanceof Instant instant) {
            return Clocks.dateIn(instant);
        }
        throw new IllegalArgumentException("unsupported date " + value);
    }
}
