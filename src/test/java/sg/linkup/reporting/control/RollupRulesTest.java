package sg.linkup.reporting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.TimeRange;

/** The small rules the roll-ups and the capacity figures stand on. */
class RollupRulesTest {

    @Test
    void aFailureIsFiledUnderTheProvidersCodeWhenItGaveOne() {
        assertEquals("30005", ReportRollups.reason("UNDELIVERED", "provider error 30005"));
        assertEquals("UNDELIVERED", ReportRollups.reason("UNDELIVERED", null));
        assertEquals("NOT_SENT", ReportRollups.reason("NOT_SENT", "the number is not a mobile"));
        assertEquals("NOT_SENT", ReportRollups.reason("NOT_SENT", "provider error ;drop"),
                "nothing but a plain code becomes a column key");
    }

    @Test
    void leaveAndAClosureOnTheSameHoursAreOneAbsence() {
        Instant nine = Instant.parse("2026-12-07T01:00:00Z");
        TimeRange leave = new TimeRange(nine, nine.plusSeconds(3 * 3600));
        TimeRange closure = new TimeRange(nine.plusSeconds(3600), nine.plusSeconds(5 * 3600));
        TimeRange later = new TimeRange(nine.plusSeconds(6 * 3600), nine.plusSeconds(7 * 3600));
        assertEquals(List.of(new TimeRange(nine, nine.plusSeconds(5 * 3600)), later),
                Capacity.merged(List.of(later, closure, leave)));
    }
}
