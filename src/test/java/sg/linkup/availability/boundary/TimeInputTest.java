package sg.linkup.availability.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeInputTest {

    @Test
    void aDateAsStartIsTheStartOfThatSingaporeDay() {
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), TimeInput.start("from", "2026-12-08"));
    }

    @Test
    void aDateAsEndIsTheEndOfThatSingaporeDay() {
        assertEquals(Instant.parse("2026-12-08T16:00:00Z"), TimeInput.end("to", "2026-12-08"));
    }

    @Test
    void aDateTimeWithoutOffsetIsSingaporeTime() {
        assertEquals(Instant.parse("2026-12-08T01:30:00Z"), TimeInput.start("from", "2026-12-08T09:30"));
        assertEquals(Instant.parse("2026-12-08T01:30:00Z"), TimeInput.end("to", "2026-12-08T09:30"),
                "a date-time as end is that moment, not the end of the day");
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), TimeInput.start("from", "2026-12-08T00:00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-08T01:30Z", "2026-12-08T01:30:00Z", "2026-12-08T09:30+08:00",
            "2026-12-08T09:30:00+08:00", "2026-12-07T20:30-05:00", "2026-12-08T01:30+00:00",
            "2026-12-08T09:30+0800", "2026-12-07T20:30:00-0500"})
    void aDateTimeWithAnOffsetIsThatInstant(String text) {
        assertEquals(Instant.parse("2026-12-08T01:30:00Z"), TimeInput.start("from", text));
        assertEquals(Instant.parse("2026-12-08T01:30:00Z"), TimeInput.end("to", text));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), TimeInput.start("from", "  2026-12-08 "));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void nothingGivenIsNull(String text) {
        assertNull(TimeInput.start("from", text));
        assertNull(TimeInput.end("to", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-13-01", "2026-02-30", "08/12/2026", "2026-12-08T25:00",
            "2026-12-08T09:30+25:00", "2026-12-08 09:30", "2026-12-8", "1765152000"})
    void garbageIsRefusedNamingTheField(String text) {
        assertRefused("from", () -> TimeInput.start("from", text));
        assertRefused("to", () -> TimeInput.end("to", text));
    }

    @Test
    void aDayIsASingaporeDate() {
        assertEquals(LocalDate.of(2026, 12, 24), TimeInput.day("day", " 2026-12-24 "));
    }

    @ParameterizedTest
    @CsvSource({"day, 24/12/2026", "exceptDates, 2026-12-24T09:00", "first, christmas"})
    void aDayThatIsNotADateIsRefusedNamingTheField(String field, String text) {
        assertRefused(field, () -> TimeInput.day(field, text));
    }
}
