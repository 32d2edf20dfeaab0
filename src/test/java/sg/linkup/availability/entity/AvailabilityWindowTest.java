package sg.linkup.availability.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.availability.AvailabilityFixtures.sgt;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sg.linkup.directory.entity.SessionMode;

class AvailabilityWindowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final long BEDOK = 3L;
    private static final long TAMPINES = 4L;

    private static TimeRange at(String start, String end) {
        return new TimeRange(sgt(DAY, start), sgt(DAY, end));
    }

    /** 09:00–12:00, in person at Bedok or on video from an SSO room. */
    private static AvailabilityWindow bedokMorning() {
        return new AvailabilityWindow(7L, at("09:00", "12:00"), Set.of(SessionMode.IN_PERSON,
                SessionMode.VIDEO_AT_SSO), BEDOK);
    }

    /** 14:00–17:00, video only from the agency. */
    private static AvailabilityWindow videoAfternoon() {
        return new AvailabilityWindow(7L, at("14:00", "17:00"), Set.of(SessionMode.VIDEO_AT_SSO,
                SessionMode.VIDEO_REMOTE), null);
    }

    @Test
    void inPersonSessionAtTheAdvisorsOfficeIsServed() {
        assertTrue(bedokMorning().serves(SessionMode.IN_PERSON, BEDOK, at("10:00", "10:45")));
    }

    @Test
    void inPersonSessionAtAnotherOfficeIsNotServed() {
        assertFalse(bedokMorning().serves(SessionMode.IN_PERSON, TAMPINES, at("10:00", "10:45")));
    }

    @Test
    void videoFromAnSsoRoomIsServedWhicheverOfficeTheClientIsAt() {
        assertTrue(bedokMorning().serves(SessionMode.VIDEO_AT_SSO, BEDOK, at("10:00", "10:45")));
        assertTrue(bedokMorning().serves(SessionMode.VIDEO_AT_SSO, TAMPINES, at("10:00", "10:45")));
    }

    @Test
    void videoOnlyWindowServesVideoAtAnyOffice() {
        assertTrue(videoAfternoon().serves(SessionMode.VIDEO_REMOTE, TAMPINES, at("14:00", "14:45")));
        assertTrue(videoAfternoon().serves(SessionMode.VIDEO_AT_SSO, BEDOK, at("16:15", "17:00")));
    }

    @Test
    void aModeTheWindowDoesNotOfferIsNotServed() {
        assertFalse(bedokMorning().serves(SessionMode.VIDEO_REMOTE, BEDOK, at("10:00", "10:45")));
    }

    @Test
    void aVideoOnlyWindowServesNoInPersonSession() {
        assertFalse(videoAfternoon().serves(SessionMode.IN_PERSON, BEDOK, at("14:00", "14:45")));
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"09:00, 09:45", "11:15, 12:00", "09:00, 12:00", "10:00, 10:05"})
    void aSessionInsideTheWindowIncludingItsEdgesIsServed(String start, String end) {
        assertTrue(bedokMorning().serves(SessionMode.IN_PERSON, BEDOK, at(start, end)));
        assertTrue(bedokMorning().serves(SessionMode.VIDEO_AT_SSO, TAMPINES, at(start, end)));
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"08:45, 09:30", "11:30, 12:15", "08:00, 13:00", "12:00, 12:45", "08:00, 09:00"})
    void aSessionReachingOutsideTheWindowIsNotServed(String start, String end) {
        assertFalse(bedokMorning().serves(SessionMode.IN_PERSON, BEDOK, at(start, end)));
        assertFalse(bedokMorning().serves(SessionMode.VIDEO_AT_SSO, TAMPINES, at(start, end)));
    }

    @Test
    void officesAreComparedByIdValueNotByIdentity() {
        // ids above 127 are not cached by Long.valueOf, so an identity comparison would fail here
        AvailabilityWindow window = new AvailabilityWindow(7L, at("09:00", "12:00"), Set.of(SessionMode.IN_PERSON),
                Long.valueOf(100_000L));

        assertTrue(window.serves(SessionMode.IN_PERSON, Long.parseLong("100000"), at("10:00", "10:45")));
        assertFalse(window.serves(SessionMode.IN_PERSON, 100_001L, at("10:00", "10:45")));
    }

    @Test
    void aSessionOnAnotherDayIsNotServed() {
        TimeRange nextDay = new TimeRange(sgt(DAY.plusDays(1), "10:00"), sgt(DAY.plusDays(1), "10:45"));

        assertFalse(bedokMorning().serves(SessionMode.IN_PERSON, BEDOK, nextDay));
    }
}
