package sg.linkup.reporting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

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
    void aMessagePurgedByTheRetentionSweepIsFiledUnderTheSameReason() {
        Instant now = Instant.parse("2026-12-01T01:00:00Z");
        for (String error : List.of("provider error 30005", "INVALID_NUMBER (provider code 21211)",
                "mail refused: 550 5.1.1", "undelivered: provider error 30003 for +6591234567", "provider error ;drop")) {
            Notification n = new Notification(NotificationKind.REMINDER, Notification.Channel.SMS, "+6591234567",
                    Language.EN, 1L, 1L, 0, now, now);
            n.claim("node-a", now, Duration.ofMinutes(2));
            n.fail(error, now);
            String before = ReportRollups.reason("NOT_SENT", n.lastError());

            n.purge(now.plusSeconds(90 * 86_400L));

            assertEquals(before, ReportRollups.reason("NOT_SENT", n.lastError()), error);
        }
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
