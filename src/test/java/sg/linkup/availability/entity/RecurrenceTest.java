package sg.linkup.availability.entity;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);   // a Tuesday
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    /** Every day of [from, to] that falls on one of the weekdays. */
    private static List<LocalDate> weekdaysBetween(LocalDate from, LocalDate to, Set<DayOfWeek> days) {
        return from.datesUntil(to.plusDays(1)).filter(d -> days.contains(d.getDayOfWeek())).toList();
    }

    /**
     * The RFC 5545 meaning of FREQ=WEEKLY;INTERVAL=n;BYDAY=… with WKST=MO, expanded naively day by day from
     * the seed: a day occurs when its Monday-based week is a whole number of intervals after the seed's.
     */
    private static List<LocalDate> naiveWeekly(LocalDate seed, int interval, Set<DayOfWeek> days, LocalDate from,
                                               LocalDate to) {
        LocalDate seedWeek = seed.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = seed; !d.isAfter(to); d = d.plusDays(1)) {
            long weeks = ChronoUnit.WEEKS.between(seedWeek, d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (weeks % interval == 0 && days.contains(d.getDayOfWeek()) && !d.isBefore(from)) {
                dates.add(d);
            }
        }
        return dates;
    }

    @Test
    void weeklyOnTuesdaysAndThursdaysGivesExactlyTheTuesdaysAndThursdaysOfDecember() {
        List<LocalDate> dates = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH").dates(DEC_1, DEC_1, DEC_31);

        assertEquals(weekdaysBetween(DEC_1, DEC_31, Set.of(TUESDAY, THURSDAY)), dates);
        assertEquals(10, dates.size(), "December 2026 has five Tuesdays and five Thursdays");
    }

    @Test
    void weeklyRuleSeededMonthsEarlierStillGivesOnlyItsWeekdaysInTheWindow() {
        LocalDate seed = LocalDate.of(2026, 3, 4);   // a Wednesday, not one of the rule's days

        List<LocalDate> dates = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH").dates(seed, DEC_1, DEC_31);

        assertEquals(weekdaysBetween(DEC_1, DEC_31, Set.of(TUESDAY, THURSDAY)), dates);
    }

    @Test
    void aSeedOnAnotherWeekdayIsNotItselfAnOccurrence() {
        LocalDate monday = LocalDate.of(2026, 11, 30);

        List<LocalDate> dates = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH").dates(monday, monday, DEC_31);

        assertEquals(weekdaysBetween(monday, DEC_31, Set.of(TUESDAY, THURSDAY)), dates);
        assertFalse(dates.contains(monday));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(strings = {"2019-01-01", "2021-03-02", "2022-07-14", "2023-10-25", "2024-02-29", "2026-11-17",
            "2026-11-24"})
    void everySecondWeekKeepsItsPhaseEvenWhenSeededYearsBeforeTheWindow(String seedText) {
        LocalDate seed = LocalDate.parse(seedText);
        Set<DayOfWeek> days = Set.of(TUESDAY, THURSDAY);

        List<LocalDate> dates = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH").dates(seed, DEC_1, DEC_31);

        List<LocalDate> expected = naiveWeekly(seed, 2, days, DEC_1, DEC_31);
        assertEquals(expected, dates);
        assertFalse(expected.isEmpty(), "the check must compare some dates");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(strings = {"2020-01-01", "2023-05-17", "2026-11-29", "2026-11-30"})
    void everyThirdDayKeepsItsPhaseEvenWhenSeededYearsBeforeTheWindow(String seedText) {
        LocalDate seed = LocalDate.parse(seedText);

        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY;INTERVAL=3").dates(seed, DEC_1, DEC_31);

        List<LocalDate> expected = DEC_1.datesUntil(DEC_31.plusDays(1))
                .filter(d -> ChronoUnit.DAYS.between(seed, d) % 3 == 0)
                .toList();
        assertEquals(expected, dates);
    }

    @Test
    void windowStartingBeforeTheSeedStartsAtTheSeed() {
        LocalDate seed = LocalDate.of(2026, 12, 10);

        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY").dates(seed, DEC_1, LocalDate.of(2026, 12, 12));

        assertEquals(List.of(seed, seed.plusDays(1), seed.plusDays(2)), dates);
    }

    @Test
    void windowEndingBeforeTheSeedHasNoDates() {
        assertEquals(List.of(), Recurrence.parse("FREQ=DAILY").dates(DEC_31, DEC_1, DEC_31.minusDays(1)));
    }

    @Test
    void windowThatEndsBeforeItStartsHasNoDates() {
        assertEquals(List.of(), Recurrence.parse("FREQ=DAILY").dates(DEC_1, DEC_31, DEC_1));
    }

    @Test
    void bothEndsOfTheWindowAreIncluded() {
        LocalDate tuesday = LocalDate.of(2026, 12, 8);
        LocalDate thursday = LocalDate.of(2026, 12, 10);

        assertEquals(List.of(tuesday, thursday),
                Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH").dates(DEC_1, tuesday, thursday));
    }

    @Test
    void untilAsADateIncludesThatDate() {
        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY;UNTIL=20261208").dates(DEC_1, DEC_1, DEC_31);

        assertEquals(DEC_1.datesUntil(LocalDate.of(2026, 12, 9)).toList(), dates);
    }

    @Test
    void untilAsUtcTimeStillOnTheSameSingaporeDateIncludesThatDate() {
        // 15:30Z on the 8th is 23:30 in Singapore, still the 8th
        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY;UNTIL=20261208T153000Z").dates(DEC_1, DEC_1, DEC_31);

        assertEquals(LocalDate.of(2026, 12, 8), dates.get(dates.size() - 1));
        assertEquals(8, dates.size());
    }

    @Test
    void untilAsUtcTimeOnTheNextSingaporeDateIncludesTheNextDate() {
        // 17:00Z on the 8th is 01:00 on the 9th in Singapore
        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY;UNTIL=20261208T170000Z").dates(DEC_1, DEC_1, DEC_31);

        assertEquals(LocalDate.of(2026, 12, 9), dates.get(dates.size() - 1));
        assertEquals(9, dates.size());
    }

    @Test
    void untilAsUtcTimeOnAWeeklyRuleIncludesTheSingaporeDate() {
        // 17:00Z on Tuesday the 8th is 01:00 on Wednesday the 9th in Singapore, so that Wednesday still occurs
        List<LocalDate> weekly = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,WE;UNTIL=20261208T170000Z")
                .dates(DEC_1, DEC_1, DEC_31);

        assertEquals(List.of(DEC_1, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9)),
                weekly);
    }

    @Test
    void untilAsFloatingLocalTimeIsThatDate() {
        List<LocalDate> dates = Recurrence.parse("FREQ=DAILY;UNTIL=20261208T235900").dates(DEC_1, DEC_1, DEC_31);

        assertEquals(LocalDate.of(2026, 12, 8), dates.get(dates.size() - 1));
    }

    @Test
    void untilThatIsNotADateIsRefused() {
        assertRefused("rrule", () -> Recurrence.parse("FREQ=DAILY;UNTIL=20261340T000000Z"));
    }

    @Test
    void countLimitsTheSeriesToThatManyDates() {
        List<LocalDate> dates = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU;COUNT=3").dates(DEC_1, DEC_1,
                LocalDate.of(2027, 3, 31));

        assertEquals(List.of(DEC_1, DEC_1.plusWeeks(1), DEC_1.plusWeeks(2)), dates);
    }

    @Test
    void countIsCountedFromTheSeedEvenWhenTheWindowStartsAfterTheFirstDate() {
        Recurrence threeDays = Recurrence.parse("FREQ=DAILY;COUNT=3");

        assertEquals(List.of(DEC_1.plusDays(1), DEC_1.plusDays(2)), threeDays.dates(DEC_1, DEC_1.plusDays(1), DEC_31));
        assertEquals(List.of(), threeDays.dates(DEC_1, DEC_1.plusDays(3), DEC_31));
    }

    @Test
    void countOfAWeeklyRuleSeededLongAgoIsUsedUp() {
        Recurrence threeWeeks = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU;COUNT=3");

        assertEquals(List.of(), threeWeeks.dates(LocalDate.of(2024, 1, 2), DEC_1, DEC_31));
    }

    @Test
    void monthlyByMonthDayGivesThatDayOfEachMonth() {
        List<LocalDate> dates = Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=1")
                .dates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), DEC_31);

        List<LocalDate> expected = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            expected.add(LocalDate.of(2026, month, 1));
        }
        assertEquals(expected, dates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=WEEKLY;BYDAY=TU,TH", "rrule:freq=weekly;byday=tu,th",
            "  FREQ=WEEKLY;BYDAY=TU,TH  ", "Freq=Weekly;ByDay=Tu,Th"})
    void prefixCaseAndSurroundingSpacesAreAccepted(String text) {
        Recurrence canonical = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH");

        Recurrence parsed = Recurrence.parse(text);

        assertEquals(canonical, parsed);
        assertEquals("FREQ=WEEKLY;BYDAY=TU,TH", parsed.toString());
        assertEquals(weekdaysBetween(DEC_1, DEC_31, Set.of(TUESDAY, THURSDAY)), parsed.dates(DEC_1, DEC_1, DEC_31));
    }

    @Test
    void untilWithTimeIsStoredAsTheSingaporeDate() {
        assertEquals("FREQ=DAILY;UNTIL=20261209", Recurrence.parse("FREQ=DAILY;UNTIL=20261208T170000Z").toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "RRULE:"})
    void blankRecurrenceIsRefused(String text) {
        assertRefused("rrule", () -> Recurrence.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"every tuesday", "FREQ=", "FREQ=FORTNIGHTLY", "BYDAY=TU,TH", "FREQ=WEEKLY;BYDAY=XX",
            "FREQ=WEEKLY;INTERVAL=two", ";;;", "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;COUNT=-2", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;COUNT=3;UNTIL=20261231"})
    void garbageIsRefused(String text) {
        assertRefused("rrule", () -> Recurrence.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=HOURLY", "FREQ=MINUTELY", "FREQ=SECONDLY", "FREQ=DAILY;BYHOUR=9",
            "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9", "FREQ=DAILY;BYMINUTE=30", "FREQ=DAILY;BYSECOND=0"})
    void rulesWithTimesOfDayAreRefused(String text) {
        assertRefused("rrule", () -> Recurrence.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=1MO", "FREQ=YEARLY;BYMONTH=12"})
    void dayBasedFrequenciesAreAccepted(String text) {
        assertFalse(Recurrence.parse(text).dates(DEC_1, DEC_1, DEC_31.plusYears(1)).isEmpty());
    }
}
