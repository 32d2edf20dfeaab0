package sg.linkup.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** Logic takes a Clock, never Instant.now(), so tests can move time by hand. */
@ApplicationScoped
public class Clocks {

    /** Every wall-clock time Linkup shows or reads (opening hours, rules) is Singapore time. */
    public static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
