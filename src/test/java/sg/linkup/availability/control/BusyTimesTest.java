package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sg.linkup.availability.entity.TimeRange;

class BusyTimesTest {

    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    private static Instant t(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(t(start), t(end));
    }

    /** Taken 10:00–11:00 and 13:00–14:00. */
    private static BusyTimes twoMeetings() {
        return BusyTimes.of(List.of(range("13:00", "14:00"), range("10:00", "11:00")));
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"09:00, 10:00", "11:00, 12:00", "11:00, 13:00", "14:00, 15:00", "07:00, 08:00", "16:00, 17:00"})
    void rangesThatOnlyTouchOrMissTheTakenTimesAreFree(String start, String end) {
        assertTrue(twoMeetings().isFree(range(start, end)));
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({
            "09:30, 10:30",   // over the start of the first
            "10:30, 11:30",   // over the end of the first
            "10:15, 10:45",   // inside the first
            "09:00, 12:00",   // encloses the first
            "10:00, 11:00",   // exactly the first
            "13:59, 14:30",   // one minute of the second
            "12:00, 15:00",   // encloses the second
            "10:59, 13:01",   // reaches into both
            "08:00, 18:00"})  // encloses both
    void rangesThatOverlapATakenTimeAnywhereAreBusy(String start, String end) {
        assertFalse(twoMeetings().isFree(range(start, end)));
    }

    @Test
    void overlappingTakenRangesMergeIntoOne() {
        BusyTimes busy = BusyTimes.of(List.of(range("10:00", "11:00"), range("10:30", "12:00")));

        assertEquals(1, busy.size());
        assertFalse(busy.isFree(range("11:30", "11:45")));
        assertFalse(busy.isFree(range("10:05", "10:10")));
        assertTrue(busy.isFree(range("12:00", "13:00")));
        assertTrue(busy.isFree(range("09:00", "10:00")));
    }

    @Test
    void adjacentTakenRangesMergeIntoOne() {
        BusyTimes busy = BusyTimes.of(List.of(range("11:00", "12:00"), range("10:00", "11:00")));

        assertEquals(1, busy.size());
        assertFalse(busy.isFree(range("10:45", "11:15")));
        assertTrue(busy.isFree(range("12:00", "12:30")));
    }

    @Test
    void aTakenRangeInsideAnotherKeepsTheLongerOne() {
        BusyTimes busy = BusyTimes.of(List.of(range("10:00", "12:00"), range("10:30", "11:00"),
                range("10:00", "10:15")));

        assertEquals(1, busy.size());
        assertFalse(busy.isFree(range("11:30", "11:45")), "the end of the enclosing range is still busy");
        assertTrue(busy.isFree(range("12:00", "12:30")));
    }

    @Test
    void separateTakenRangesStaySeparate() {
        assertEquals(2, twoMeetings().size());
        assertEquals(3, BusyTimes.of(List.of(range("10:00", "11:00"), range("10:00", "11:00"),
                range("11:01", "11:02"), range("15:00", "16:00"))).size());
    }

    @Test
    void nothingTakenIsFreeForAnything() {
        BusyTimes none = BusyTimes.of(List.of());

        assertEquals(0, none.size());
        assertTrue(none.isFree(range("00:00", "23:59")));
        assertTrue(BusyTimes.NONE.isFree(range("10:00", "11:00")));
    }

    @Test
    void aSingleTakenRangeIsFoundByTheSearch() {
        BusyTimes one = BusyTimes.of(List.of(range("10:00", "11:00")));

        assertFalse(one.isFree(range("10:30", "10:45")));
        assertTrue(one.isFree(range("11:00", "11:45")));
        assertTrue(one.isFree(range("09:15", "10:00")));
    }

    @Test
    void agreesWithCheckingEveryTakenRangeOneByOne() {
        Random random = new Random(20261201L);
        for (int round = 0; round < 300; round++) {
            List<TimeRange> taken = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                taken.add(randomRange(random));
            }
            BusyTimes busy = BusyTimes.of(taken);
            for (int q = 0; q < 60; q++) {
                TimeRange asked = randomRange(random);
                boolean expected = taken.stream().noneMatch(
                        t -> t.start().isBefore(asked.end()) && asked.start().isBefore(t.end()));
                assertEquals(expected, busy.isFree(asked), () -> "taken " + taken + ", asked " + asked);
            }
        }
    }

    /** A range on a 5-minute grid within one day, short enough to leave gaps and long enough to merge. */
    private static TimeRange randomRange(Random random) {
        Instant start = DAY.plus(Duration.ofMinutes(5L * random.nextInt(200)));
        return TimeRange.of(start, Duration.ofMinutes(5L * (1 + random.nextInt(24))));
    }
}
