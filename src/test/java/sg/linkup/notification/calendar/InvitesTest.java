package sg.linkup.notification.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.notification.calendar.Ics.events;
import static sg.linkup.notification.calendar.Ics.onlyEvent;
import static sg.linkup.notification.calendar.Ics.parameter;
import static sg.linkup.notification.calendar.Ics.parse;
import static sg.linkup.notification.calendar.Ics.parseValid;
import static sg.linkup.notification.calendar.Ics.validation;
import static sg.linkup.notification.calendar.Ics.value;
import static sg.linkup.notification.calendar.Ics.withoutLine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import sg.linkup.notification.calendar.CalendarEvent.Method;
import sg.linkup.notification.calendar.CalendarEvent.Person;

class InvitesTest {

    private final Invites invites = new Invites();

    @Test
    void bookingBecomesAValidInvitationForTheAdvisor() {
        String ics = invites.render(SampleEvents.booked());

        Calendar calendar = parseValid(ics);
        VEvent event = onlyEvent(calendar);
        Organizer organizer = event.getProperty(Property.ORGANIZER).map(Organizer.class::cast).orElseThrow();
        List<Attendee> attendees = event.getProperties(Property.ATTENDEE);
        assertAll(
                () -> assertEquals("-//Linkup//Bookings//EN", value(calendar, Property.PRODID)),
                () -> assertEquals("2.0", value(calendar, Property.VERSION)),
                () -> assertEquals("GREGORIAN", value(calendar, Property.CALSCALE)),
                () -> assertEquals("REQUEST", value(calendar, Property.METHOD)),
                () -> assertEquals(SampleEvents.UID, value(event, Property.UID)),
                () -> assertEquals("0", value(event, Property.SEQUENCE)),
                () -> assertEquals("CONFIRMED", value(event, Property.STATUS)),
                () -> assertEquals("20250220T010000Z", value(event, Property.DTSTAMP)),
                () -> assertEquals("Linkup session: financial assistance", value(event, Property.SUMMARY)),
                () -> assertEquals("SSO@Bedok, 740 Bedok Reservoir Rd, Room 2", value(event, Property.LOCATION)),
                () -> assertEquals("A client session booked through Linkup.", value(event, Property.DESCRIPTION)),
                () -> assertNull(value(event, Property.URL), "no video link for an office session"),
                () -> assertEquals("mailto:bedok@sso.example.sg", organizer.getValue()),
                () -> assertEquals("SSO@Bedok", parameter(organizer, "CN")),
                () -> assertEquals(1, attendees.size()),
                () -> assertEquals("mailto:mei.ling@agency.example.sg", attendees.get(0).getValue()),
                () -> assertEquals("Tan Mei Ling", parameter(attendees.get(0), "CN")),
                () -> assertEquals("REQ-PARTICIPANT", parameter(attendees.get(0), "ROLE")),
                () -> assertEquals("NEEDS-ACTION", parameter(attendees.get(0), "PARTSTAT")),
                () -> assertEquals("FALSE", parameter(attendees.get(0), "RSVP")));
    }

    @Test
    void timesAreSingaporeWallClockWithTheZoneDefinedInTheFile() {
        String ics = invites.render(SampleEvents.booked());

        assertTrue(ics.contains("\r\nDTSTART;TZID=Asia/Singapore:20250304T103000\r\n"), ics);
        assertTrue(ics.contains("\r\nDTEND;TZID=Asia/Singapore:20250304T111500\r\n"), ics);
        Calendar calendar = parseValid(ics);
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertEquals(1, zones.size(), "VTIMEZONEs");
        assertEquals("Asia/Singapore", value(zones.get(0), Property.TZID));
        assertEquals("+0800", value(zones.get(0).getObservances().get(0), Property.TZOFFSETTO));
        DtStart<Temporal> start = onlyEvent(calendar).getDateTimeStart();
        assertEquals("Asia/Singapore", parameter(start, "TZID"));
        assertEquals(SampleEvents.START, Instant.from(start.getDate()), "02:30Z is 10:30 in Singapore");
    }

    @Test
    void rescheduleUpdatesTheSameEventWithAHigherSequence() {
        Calendar calendar = parseValid(invites.render(SampleEvents.rescheduled()));

        VEvent event = onlyEvent(calendar);
        assertAll(
                () -> assertEquals("REQUEST", value(calendar, Property.METHOD)),
                () -> assertEquals(SampleEvents.UID, value(event, Property.UID)),
                () -> assertEquals("1", value(event, Property.SEQUENCE)),
                () -> assertEquals("CONFIRMED", value(event, Property.STATUS)),
                () -> assertEquals(SampleEvents.START.plus(Duration.ofDays(1)),
                        Instant.from(event.getDateTimeStart().getDate())),
                () -> assertEquals("Video call", value(event, Property.LOCATION)),
                () -> assertEquals(SampleEvents.VIDEO, value(event, Property.URL)));
    }

    @Test
    void cancellationRemovesTheSameEvent() {
        Calendar calendar = parseValid(invites.render(SampleEvents.cancelled()));

        VEvent event = onlyEvent(calendar);
        assertAll(
                () -> assertEquals("CANCEL", value(calendar, Property.METHOD)),
                () -> assertEquals(SampleEvents.UID, value(event, Property.UID)),
                () -> assertEquals("2", value(event, Property.SEQUENCE)),
                () -> assertEquals("CANCELLED", value(event, Property.STATUS)),
                () -> assertEquals("mailto:bedok@sso.example.sg", value(event, Property.ORGANIZER)),
                () -> assertEquals("mailto:mei.ling@agency.example.sg", value(event, Property.ATTENDEE)));
    }

    @Test
    void publishedEventNamesNoAttendees() {
        CalendarEvent booked = SampleEvents.booked();
        CalendarEvent published = new CalendarEvent(booked.uid(), 0, Method.PUBLISH, booked.start(), booked.end(),
                booked.summary(), booked.location(), null, null, booked.organizer(), booked.attendees(),
                booked.stamp());

        Calendar calendar = parseValid(invites.render(published));

        assertEquals("PUBLISH", value(calendar, Property.METHOD));
        assertTrue(onlyEvent(calendar).getProperties(Property.ATTENDEE).isEmpty());
    }

    @Test
    void emptyFeedIsStillAValidCalendar() {
        String ics = invites.feed("Tan Mei Ling – Linkup sessions", List.of());

        Calendar calendar = parseValid(ics);
        assertAll(
                () -> assertEquals("Tan Mei Ling – Linkup sessions", value(calendar, "X-WR-CALNAME")),
                () -> assertNull(value(calendar, Property.METHOD)),
                () -> assertTrue(events(calendar).isEmpty()),
                () -> assertEquals(1, calendar.getComponents(Component.VTIMEZONE).size()));
    }

    @Test
    void feedListsEachSessionWithoutAnyEmailAddress() {
        String ics = invites.feed("Tan Mei Ling – Linkup sessions",
                List.of(SampleEvents.rescheduled(), SampleEvents.another()));

        Calendar calendar = parseValid(ics);
        List<VEvent> events = events(calendar);
        assertEquals(2, events.size());
        assertEquals(List.of(SampleEvents.UID, "booking-43@linkup.sg"),
                events.stream().map(e -> value(e, Property.UID)).toList());
        for (VEvent event : events) {
            assertAll(
                    () -> assertEquals("CONFIRMED", value(event, Property.STATUS)),
                    () -> assertEquals("Video call", value(event, Property.LOCATION)),
                    () -> assertEquals("Asia/Singapore", parameter(event.getDateTimeStart(), "TZID")),
                    () -> assertTrue(event.getProperties(Property.ORGANIZER).isEmpty()),
                    () -> assertTrue(event.getProperties(Property.ATTENDEE).isEmpty()));
        }
        assertEquals(1, calendar.getComponents(Component.VTIMEZONE).size());
        assertFalse(ics.contains("mailto:"), ics);
    }

    @Test
    void cancelledSessionShowsAsCancelledInTheFeed() {
        Calendar calendar = parseValid(invites.feed("Sessions", List.of(SampleEvents.cancelled())));

        assertEquals("CANCELLED", value(onlyEvent(calendar), Property.STATUS));
    }

    @Test
    void validatorCatchesACancellationWithoutUid() {
        String broken = withoutLine(invites.render(SampleEvents.cancelled()), "UID:");

        ValidationResult result = validation(parse(broken));

        assertTrue(result.hasErrors(), "a CANCEL without UID must be invalid");
        assertTrue(result.toString().contains("UID"), result::toString);
    }

    @Test
    void validatorCatchesAnInvitationWithoutDtstamp() {
        String broken = withoutLine(invites.render(SampleEvents.booked()), "DTSTAMP:");

        ValidationResult result = validation(parse(broken));

        assertTrue(result.hasErrors(), "a REQUEST without DTSTAMP must be invalid");
        assertTrue(result.toString().contains("DTSTAMP"), result::toString);
    }

    @Test
    void validatorCatchesAnInvitationWithoutAttendee() {
        String broken = withoutLine(invites.render(SampleEvents.booked()), "ATTENDEE");

        assertTrue(validation(parse(broken)).hasErrors(), "RFC 5546: a REQUEST names its attendees");
    }

    @Test
    void textSurvivesCommasSemicolonsLineBreaksAndOtherScripts() {
        CalendarEvent booked = SampleEvents.booked();
        String summary = "咨询服务; Linkup session, Room 2";
        String description = "Bring nothing.\nAsk at the counter; staff will help, if needed.";
        CalendarEvent event = new CalendarEvent(booked.uid(), 0, Method.REQUEST, booked.start(), booked.end(),
                summary, "SSO@Bedok; Room 2, Level 1", description, null, booked.organizer(),
                List.of(new Person("陈美玲, Advisor", "mei.ling@agency.example.sg")), booked.stamp());

        String ics = invites.render(event);

        VEvent parsed = onlyEvent(parseValid(ics));
        assertEquals(summary, value(parsed, Property.SUMMARY));
        assertEquals(description, value(parsed, Property.DESCRIPTION));
        assertEquals("SSO@Bedok; Room 2, Level 1", value(parsed, Property.LOCATION));
        assertEquals("陈美玲, Advisor", parameter(parsed.getProperty(Property.ATTENDEE).orElseThrow(), "CN"));
    }

    @Test
    void linesEndWithCrLfAndAreFoldedAt75Octets() {
        String ics = invites.render(SampleEvents.rescheduled());

        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        for (String line : ics.split("\r\n")) {
            assertFalse(line.contains("\n") || line.contains("\r"), () -> "bare line break in: " + line);
            assertTrue(line.getBytes(UTF_8).length <= 75, () -> "longer than 75 octets: " + line);
        }
    }

    @Test
    void zoneDefinitionLeavesOutSingaporesHistory() {
        String ics = invites.render(SampleEvents.booked());

        VTimeZone zone = parse(ics).<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        assertEquals(1, zone.getObservances().size(), ics);
        assertFalse(ics.contains("+065525"), "no 1901 offsets with seconds");
        assertFalse(ics.contains("TZURL"), "the trimmed zone is not the one published at TZURL");
    }
}
