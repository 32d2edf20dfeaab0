package sg.linkup.notification.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import sg.linkup.notification.calendar.CalendarEvent.Method;
import sg.linkup.notification.calendar.CalendarEvent.Person;

/** One booking's invite, its reschedule and its cancellation, as the dispatcher would hand them over. */
final class SampleEvents {

    static final String UID = "booking-42@linkup.sg";
    /** 10:30 in Singapore. */
    static final Instant START = Instant.parse("2025-03-04T02:30:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(45));
    static final Instant BOOKED_AT = Instant.parse("2025-02-20T01:00:00Z");
    static final Person OFFICE = new Person("SSO@Bedok", "bedok@sso.example.sg");
    static final Person ADVISOR = new Person("Tan Mei Ling", "mei.ling@agency.example.sg");
    static final String VIDEO = "https://meet.linkup.example/r/abc-123";

    private SampleEvents() {
    }

    static CalendarEvent booked() {
        return new CalendarEvent(UID, 0, Method.REQUEST, START, END, "Linkup session: financial assistance",
                "SSO@Bedok, 740 Bedok Reservoir Rd, Room 2", "A client session booked through Linkup.", null,
                OFFICE, List.of(ADVISOR), BOOKED_AT);
    }

    /** Moved a day later and to video: same UID, SEQUENCE 1. */
    static CalendarEvent rescheduled() {
        return new CalendarEvent(UID, 1, Method.REQUEST, START.plus(Duration.ofDays(1)),
                END.plus(Duration.ofDays(1)), "Linkup session: financial assistance", "Video call",
                "A client session booked through Linkup.", VIDEO, OFFICE, List.of(ADVISOR),
                BOOKED_AT.plus(Duration.ofHours(2)));
    }

    /** The rescheduled session cancelled: same UID, SEQUENCE 2. */
    static CalendarEvent cancelled() {
        return new CalendarEvent(UID, 2, Method.CANCEL, START.plus(Duration.ofDays(1)),
                END.plus(Duration.ofDays(1)), "Cancelled: Linkup session", "Video call",
                "This session was cancelled.", VIDEO, OFFICE, List.of(ADVISOR),
                BOOKED_AT.plus(Duration.ofHours(5)));
    }

    static CalendarEvent another() {
        return new CalendarEvent("booking-43@linkup.sg", 0, Method.REQUEST, START.plus(Duration.ofHours(2)),
                END.plus(Duration.ofHours(2)), "Linkup session: employment support", "Video call", null, VIDEO,
                OFFICE, List.of(ADVISOR), BOOKED_AT);
    }
}
