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
