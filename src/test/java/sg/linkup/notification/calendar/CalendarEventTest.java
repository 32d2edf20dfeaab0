package sg.linkup.notification.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sg.linkup.notification.calendar.CalendarEvent.Method;
import sg.linkup.notification.calendar.CalendarEvent.Person;

class CalendarEventTest {

    private static CalendarEvent event(int sequence, Method method, Instant start, Instant end, String url,
            List<Person> attendees) {
        return new CalendarEvent(SampleEvents.UID, sequence, method, start, end, "Session", "Video call", null, url,
                SampleEvents.OFFICE, attendees, SampleEvents.BOOKED_AT);
    }

    @Test
    void endMustComeAfterStart() {
        assertThrows(IllegalArgumentException.class, () -> event(0, Method.REQUEST, SampleEvents.START,
                SampleEvents.START, null, List.of(SampleEvents.ADVISOR)));
    }

    @Test
    void invitationAndCancellationNeedAnAttendee() {
        assertThrows(IllegalArgumentException.class, () -> event(0, Method.REQUEST, SampleEvents.START,
                SampleEvents.END, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> event(1, Method.CANCEL, SampleEvents.START,
                SampleEvents.END, null, List.of()));
        event(0, Method.PUBLISH, SampleEvents.START, SampleEvents.END, null, List.of());
    }

    @Test
    void sequenceIsNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> event(-1, Method.REQUEST, SampleEvents.START,
                SampleEvents.END, null, List.of(SampleEvents.ADVISOR)));
    }

    @Test
    void videoLinkMustBeAWebLink() {
        assertThrows(IllegalArgumentException.class, () -> event(0, Method.REQUEST, SampleEvents.START,
                SampleEvents.END, "javascript:alert(1)", List.of(SampleEvents.ADVISOR)));
        assertNull(event(0, Method.REQUEST, SampleEvents.START, SampleEvents.END, " ",
                List.of(SampleEvents.ADVISOR)).url());
    }

    @Test
    void subSecondsAreDroppedBecauseICalendarHasNone() {
        CalendarEvent event = event(0, Method.REQUEST, SampleEvents.START.plusMillis(250),
                SampleEvents.END.plusMillis(999), null, List.of(SampleEvents.ADVISOR));

        assertEquals(SampleEvents.START, event.start());
        assertEquals(SampleEvents.END, event.end());
    }

    @Test
    void personNeedsAPlainEmailAddressAndKeepsItOutOfLogs() {
        assertThrows(IllegalArgumentException.class, () -> new Person("Mei Ling", "mei ling@agency.example.sg"));
        assertThrows(IllegalArgumentException.class, () -> new Person("Mei Ling", "mei.ling"));
        assertThrows(IllegalArgumentException.class, () -> new Person("Mei Ling", "<mei@agency.example.sg>"));

        Person person = new Person(" Mei\r\nLing ", "mei.ling@agency.example.sg");

        assertEquals("Mei Ling", person.name());
        assertFalse(person.toString().contains("mei.ling@"), person::toString);
        assertTrue(person.toString().contains("m***@agency.example.sg"), person::toString);
    }
}
