package sg.linkup.availability.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeRangeTest {

    private static Instant t(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(t(start), t(end));
    }

    @ParameterizedTest(name = "[10:00,11:00) and [{0},{1}) overlap: {2}")
    @CsvSource({
            "11:00, 12:00, false",   // touches at the end
            "09:00, 10:00, false",   // touches at the start
            "12:00, 13:00, false",   // after
            "08:00, 09:00, false",   // before
            "10:59, 12:00, true",    // one minute shared at the end
            "09:00, 10:01, true",    // one minute shared at the start
            "10:15, 10:45, true",    // inside
            "09:00, 12:00, true",    // encloses
            "10:00, 11:00, true"})   // the same
    void rangesOverlapOnlyWhenTheyShareTime(String start, String end, boolean overlap) {
        TimeRange ten = range("10:00", "11:00");
        TimeRange other = range(start, end);

        assertEquals(overlap, ten.overlaps(other));
        assertEquals(overlap, other.overlaps(ten), "overlap is symmetric");
    }

    @Test
    void endEqualToStartIsRefused() {
        assertRefused("end", () -> range("10:00", "10:00"));
    }

    @Test
    void endBeforeStartIsRefused() {
        assertRefused("end", () -> range("10:00", "09:59"));
        assertRefused("end", () -> TimeRange.of(t("10:00"), Duration.ofMinutes(-5)));
    }

    @Test
    void missingEndsAreRefused() {
        assertThrows(NullPointerException.class, () -> new TimeRange(null, t("10:00")));
        assertThrows(NullPointerException.class, () -> new TimeRange(t("10:00"), null));
    }

    @Test
    void containsIncludesBothEdges() {
        TimeRange ten = range("10:00", "11:00");

        assertTrue(ten.contains(range("10:00", "11:00")));
        assertTrue(ten.contains(range("10:00", "10:30")));
        assertTrue(ten.contains(range("10:30", "11:00")));
        assertFalse(ten.contains(range("09:59", "10:30")));
        assertFalse(ten.contains(range("10:30", "11:01")));
        assertFalse(range("10:15", "10:45").contains(ten));
    }

    @Test
    void ofLengthWidenAndLength() {
        TimeRange session = TimeRange.of(t("10:00"), Duration.ofMinutes(45));

        assertEquals(range("10:00", "10:45"), session);
        assertEquals(Duration.ofMinutes(45), session.length());
        assertEquals(range("09:50", "11:00"), session.widen(Duration.ofMinutes(10), Duration.ofMinutes(15)));
    }

    @Test
    void rangesSortByStartThenEnd() {
        List<TimeRange> ranges = new ArrayList<>(List.of(range("11:00", "12:00"), range("10:00", "12:00"),
                range("10:00", "10:30")));

        ranges.sort(null);

        assertEquals(List.of(range("10:00", "10:30"), range("10:00", "12:00"), range("11:00", "12:00")), ranges);
    }
}
