package sg.linkup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Logic takes a Clock, never Instant.now(), so tests can move time by hand. */
@ApplicationScoped
public class Clocks {

    /** Every wall-clock time Linkup shows or reads (opening hours, rules) is Singapore time. */
    public static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    /**
     * A typed date that a person could mean (years 1900–2199), else {@link InvalidInput} on the field: ISO dates run
     * to year 999,999,999, where a day's arithmetic overflows and the database refuses them — a 500, not an answer.
     */
    public static LocalDate plausible(String field, LocalDate day) {
        if (day != null && (day.getYear() < 1900 || day.getYear() > 2199)) {
            throw new InvalidInput(field, "give a date between 1900 and 2199, such as 2026-12-24");
        }
        return day;
    }

    /** The Singapore calendar date of an instant. */
    public static LocalDate dateIn(Instant instant) {
        return instant.atZone(SINGAPORE).toLocalDate();
    }

    /** The instant of a Singapore wall-clock time. */
    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SINGAPORE).toInstant();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
