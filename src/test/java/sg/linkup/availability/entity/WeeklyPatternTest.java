package sg.linkup.availability.entity;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The availability editor's days and "every N weeks", and the RRULE they stand for — both ways. */
class WeeklyPatternTest {

    private static final LocalDate MONDAY_JAN_5 = LocalDate.of(2026, 1, 5);

    @Test
    void tuesdaysAndThursdaysEveryWeekIsThePlainWeeklyRule() {
        assertEquals("FREQ=WEEKLY;BYDAY=TU,TH", new WeeklyPattern(Set.of(THURSDAY, TUESDAY), 1).toRrule());
    }

    @Test
    void everyOtherWeekAddsAnInterval() {
        WeeklyPattern pattern = new WeeklyPattern(Set.of(MONDAY, FRIDAY), 2);
        assertEquals("FREQ=WEEKLY;BYDAY=MO,FR;INTERVAL=2", pattern.toRrule());
        assertEquals(Optional.of(pattern), WeeklyPattern.of(Recurrence.parse(pattern.toRrule())));
    }

    @Test
    void everyOtherWeekCountsFromTheFirstValidDay() {
        List<LocalDate> dates = new WeeklyPattern(Set.of(MONDAY, WEDNESDAY), 2).recurrence()
                .dates(MONDAY_JAN_5, MONDAY_JAN_5, MONDAY_JAN_5.plusDays(27));
        assertEquals(List.of(MONDAY_JAN_5, MONDAY_JAN_5.plusDays(2), MONDAY_JAN_5.plusDays(14),
                MONDAY_JAN_5.plusDays(16)), dates);
    }

    @Test
    void daysComeOutInWeekOrderAndOnceEach() {
        WeeklyPattern pattern = WeeklyPattern.of(List.of(SUNDAY, FRIDAY, MONDAY, FRIDAY, SUNDAY), 1);
        assertEquals(List.of(MONDAY, FRIDAY, SUNDAY), pattern.weekdays());
        assertEquals("FREQ=WEEKLY;BYDAY=MO,FR,SU", pattern.toRrule());
    }

    @Test
    void everyDayOfTheWeekRoundTrips() {
        WeeklyPattern all = new WeeklyPattern(EnumSet.allOf(DayOfWeek.class), 1);
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", all.toRrule());
        assertEquals(Optional.of(all), WeeklyPattern.of(all.recurrence()));
    }

    @Test
    void aRuleWithDaysOutOfOrderOrRepeatedReadsAsTheSamePattern() {
        assertEquals(Optional.of(new WeeklyPattern(Set.of(MONDAY, SATURDAY), 3)),
                WeeklyPattern.of(Recurrence.parse("rrule:freq=weekly;interval=3;byday=SA,MO,SA")));
    }

    @Test
    void everyPatternRoundTripsThroughItsRule() {
        List<DayOfWeek> week = List.of(DayOfWeek.values());
        for (int mask = 1; mask < 128; mask++) {
            List<DayOfWeek> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                if ((mask & (1 << i)) != 0) {
                    days.add(week.get(i));
                }
            }
            for (int weeks : new int[] {1, 2, 3, 52}) {
                WeeklyPattern pattern = WeeklyPattern.of(days, weeks);
                assertEquals(Optional.of(pattern), WeeklyPattern.of(Recurrence.parse(pattern.toRrule())),
                        pattern.toRrule());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",    // the first Monday of each month
        "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=-1", // the last of them each week
        "FREQ=WEEKLY;BYDAY=1MO",               // not a plain day
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=7",
        "FREQ=WEEKLY",                          // the seed's weekday: the form cannot say which
        "FREQ=WEEKLY;BYDAY=MO;COUNT=10",
        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231",
        "FREQ=WEEKLY;BYDAY=MO;WKST=SU",
        "FREQ=WEEKLY;BYDAY=MO;INTERVAL=53",
        "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
    })
    void aRuleTheFormCannotSayIsShownAsItIs(String rrule) {
        assertEquals(Optional.empty(), WeeklyPattern.of(Recurrence.parse(rrule)));
    }

    @Test
    void noDaysIsRefused() {
        assertRefused("weekdays", () -> WeeklyPattern.of(List.of(), 1));
        assertRefused("weekdays", () -> WeeklyPattern.of(null, 1));
        assertRefused("weekdays", () -> new WeeklyPattern(Set.of(), 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 53, 1000})
    void everyWeeksOutsideOneToFiftyTwoIsRefused(int weeks) {
        assertRefused("everyWeeks", () -> WeeklyPattern.of(List.of(MONDAY), weeks));
    }

    @Test
    void everyWeeksMustBeSaid() {
        assertRefused("everyWeeks", () -> WeeklyPattern.of(List.of(MONDAY), null));
    }

    @Test
    void fiftyTwoWeeksIsOnceAYearOnThatDay() {
        assertTrue(new WeeklyPattern(Set.of(MONDAY), 52).toRrule().endsWith(";INTERVAL=52"));
    }
}
