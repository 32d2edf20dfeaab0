package sg.linkup.availability.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.availability.AvailabilityFixtures.ADVISOR_ID;
import static sg.linkup.availability.AvailabilityFixtures.OFFICE_ID;
import static sg.linkup.availability.AvailabilityFixtures.SINGAPORE;
import static sg.linkup.availability.AvailabilityFixtures.advisor;
import static sg.linkup.availability.AvailabilityFixtures.office;
import static sg.linkup.availability.AvailabilityFixtures.rule;
import static sg.linkup.availability.AvailabilityFixtures.sgt;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import sg.linkup.availability.entity.AvailabilityRule.Schedule;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.SessionMode;

class AvailabilityRuleTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);   // a Tuesday
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);
    private static final Recurrence TUE_THU = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH");

    private static Schedule schedule(String start, String end, LocalDate validFrom, LocalDate validUntil,
                                     Set<SessionMode> modes, Office office) {
        return new Schedule(TUE_THU, LocalTime.parse(start), LocalTime.parse(end), validFrom, validUntil, modes,
                office, Set.of());
    }

    private static Schedule videoSchedule(String start, String end) {
        return schedule(start, end, DEC_1, null, Set.of(SessionMode.VIDEO_REMOTE), null);
    }

    private static List<LocalDate> days(List<AvailabilityWindow> windows) {
        return windows.stream().map(w -> w.range().start().atZone(SINGAPORE).toLocalDate()).toList();
    }

    // --- windows ---

    @Test
    void windowsAreSingaporeWallClockTimes() {
        AvailabilityRule rule = new AvailabilityRule(advisor(), schedule("09:00", "12:00", DEC_1, null,
                Set.of(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO), office()));

        List<AvailabilityWindow> windows = rule.windows(DEC_1, DEC_1);

        assertEquals(1, windows.size());
        AvailabilityWindow window = windows.get(0);
        assertEquals(Instant.parse("2026-12-01T01:00:00Z"), window.range().start());
        assertEquals(Instant.parse("2026-12-01T04:00:00Z"), window.range().end());
        assertEquals(ADVISOR_ID, window.advisorId());
        assertEquals(OFFICE_ID, window.officeId());
        assertEquals(Set.of(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO), window.modes());
    }

    @Test
    void aVideoRuleHasWindowsWithoutAnOffice() {
        AvailabilityRule rule = new AvailabilityRule(advisor(), videoSchedule("14:00", "17:00"));

        AvailabilityWindow window = rule.windows(DEC_1, DEC_1).get(0);

        assertEquals(null, window.officeId());
        assertEquals(sgt(DEC_1, "14:00"), window.range().start());
        assertEquals(sgt(DEC_1, "17:00"), window.range().end());
    }

    @Test
    void everyWindowOfAMonthHasTheRulesTimesOnItsOwnDate() {
        AvailabilityRule rule = new AvailabilityRule(advisor(), videoSchedule("09:00", "12:00"));

        List<AvailabilityWindow> windows = rule.windows(DEC_1, DEC_31);

        List<LocalDate> expected = DEC_1.datesUntil(DEC_31.plusDays(1))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY)
                .toList();
        assertEquals(expected, days(windows));
        for (AvailabilityWindow window : windows) {
            LocalDate day = window.range().start().atZone(SINGAPORE).toLocalDate();
            assertEquals(sgt(day, "09:00"), window.range().start());
            assertEquals(sgt(day, "12:00"), window.range().end());
        }
    }

    @Test
    void validFromAndValidUntilClipTheWindowsAndBothAreIncluded() {
        LocalDate thursday3 = LocalDate.of(2026, 12, 3);
        LocalDate thursday17 = LocalDate.of(2026, 12, 17);
        AvailabilityRule rule = new AvailabilityRule(advisor(), schedule("09:00", "12:00", thursday3, thursday17,
                Set.of(SessionMode.VIDEO_REMOTE), null));

        List<LocalDate> dates = days(rule.windows(LocalDate.of(2026, 11, 1), DEC_31));

        assertEquals(List.of(thursday3, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 10),
                LocalDate.of(2026, 12, 15), thursday17), dates);
    }

    @Test
    void askingOutsideTheValidityGivesNoWindows() {
        AvailabilityRule rule = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, DEC_31);

        assertEquals(List.of(), rule.windows(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertEquals(List.of(), rule.windows(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)));
    }

    @Test
    void exceptedDatesHaveNoWindow() {
        LocalDate dec8 = LocalDate.of(2026, 12, 8);
        LocalDate dec24 = LocalDate.of(2026, 12, 24);
        AvailabilityRule rule = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null, dec8, dec24);

        List<LocalDate> dates = days(rule.windows(DEC_1, DEC_31));

        List<LocalDate> expected = DEC_1.datesUntil(DEC_31.plusDays(1))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY)
                .filter(d -> !d.equals(dec8) && !d.equals(dec24))
                .toList();
        assertEquals(expected, dates);
        assertEquals(Set.of(dec8, dec24), rule.exceptDates());
    }

    @Test
    void anExceptedDateOnWhichTheRuleDoesNotOccurChangesNothing() {
        LocalDate wednesday = LocalDate.of(2026, 12, 9);
        AvailabilityRule plain = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        AvailabilityRule excepting = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null, wednesday);

        assertEquals(plain.windows(DEC_1, DEC_31), excepting.windows(DEC_1, DEC_31));
    }

    @Test
    void windowsOfARuleThatBeganYearsAgoFollowItsSeed() {
        // Every other Tuesday from Tuesday 12 January 2021: 1 December 2026 is 307 weeks later, an odd number
        LocalDate seed = LocalDate.of(2021, 1, 12);
        AvailabilityRule rule = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "09:00", "12:00", seed, null);

        List<LocalDate> dates = days(rule.windows(DEC_1, DEC_31));

        assertEquals(List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 22)), dates);
    }

    // --- schedule refusals ---

    @ParameterizedTest
    @CsvSource({"09:00, 09:00", "12:00, 09:00", "09:00, 00:00"})
    void endTimeNotAfterStartTimeIsRefused(String start, String end) {
        assertRefused("endTime", () -> videoSchedule(start, end));
    }

    @ParameterizedTest
    @CsvSource({"09:03, 12:00, startTime", "09:00:30, 12:00, startTime", "09:00, 12:07, endTime",
            "09:00, 11:59:59, endTime", "08:58, 12:02, startTime"})
    void timesOffTheFiveMinuteGridAreRefused(String start, String end, String field) {
        assertRefused(field, () -> videoSchedule(start, end));
    }

    @Test
    void missingTimesAreRefused() {
        assertRefused("startTime", () -> new Schedule(TUE_THU, null, LocalTime.NOON, DEC_1, null,
                Set.of(SessionMode.VIDEO_REMOTE), null, Set.of()));
        assertRefused("endTime", () -> new Schedule(TUE_THU, LocalTime.NOON, null, DEC_1, null,
                Set.of(SessionMode.VIDEO_REMOTE), null, Set.of()));
    }

    @Test
    void aMissingRecurrenceIsRefused() {
        assertRefused("rrule", () -> new Schedule(null, LocalTime.of(9, 0), LocalTime.NOON, DEC_1, null,
                Set.of(SessionMode.VIDEO_REMOTE), null, Set.of()));
    }

    @Test
    void aMissingValidFromIsRefused() {
        assertRefused("validFrom", () -> schedule("09:00", "12:00", null, null, Set.of(SessionMode.VIDEO_REMOTE),
                null));
    }

    @Test
    void noModesAreRefused() {
        assertRefused("modes", () -> schedule("09:00", "12:00", DEC_1, null, Set.of(), null));
        assertRefused("modes", () -> schedule("09:00", "12:00", DEC_1, null, null, null));
    }

    @Test
    void inPersonWithoutAnOfficeIsRefused() {
        assertRefused("office", () -> schedule("09:00", "12:00", DEC_1, null, Set.of(SessionMode.IN_PERSON), null));
        assertRefused("office", () -> schedule("09:00", "12:00", DEC_1, null,
                Set.of(SessionMode.IN_PERSON, SessionMode.VIDEO_REMOTE), null));
    }

    @ParameterizedTest
    @EnumSource(value = SessionMode.class, names = {"VIDEO_AT_SSO", "VIDEO_REMOTE"})
    void videoOnlyWithAnOfficeIsRefused(SessionMode mode) {
        assertRefused("office", () -> schedule("09:00", "12:00", DEC_1, null, Set.of(mode), office()));
    }

    @Test
    void validUntilBeforeValidFromIsRefused() {
        assertRefused("validUntil", () -> schedule("09:00", "12:00", DEC_1, DEC_1.minusDays(1),
                Set.of(SessionMode.VIDEO_REMOTE), null));
    }

    @Test
    void aOneDayValidityOnAnOccurringDayIsAccepted() {
        AvailabilityRule rule = new AvailabilityRule(advisor(), schedule("09:00", "12:00", DEC_1, DEC_1,
                Set.of(SessionMode.VIDEO_REMOTE), null));

        assertEquals(List.of(DEC_1), rule.datesBetween(DEC_1, DEC_31));
    }

    @Test
    void aRuleThatNeverOccursWithinItsValidityIsRefused() {
        // Tuesdays and Thursdays, valid only from Friday 4 to Monday 7 December
        Schedule weekend = schedule("09:00", "12:00", LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7),
                Set.of(SessionMode.VIDEO_REMOTE), null);

        assertRefused("rrule", () -> new AvailabilityRule(advisor(), weekend));
    }

    @Test
    void aRuleOnADateThatDoesNotExistIsRefused() {
        assertRefused("rrule", () -> rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "09:00", "12:00", DEC_1, null));
    }

    @Test
    void aRuleWhoseEveryDateIsExceptedIsRefused() {
        assertRefused("rrule", () -> rule("FREQ=DAILY;COUNT=2", "09:00", "12:00", DEC_1, null,
                DEC_1, DEC_1.plusDays(1)));
    }

    @Test
    void aRefusedRescheduleKeepsTheOldSchedule() {
        AvailabilityRule rule = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        List<AvailabilityWindow> before = rule.windows(DEC_1, DEC_31);

        assertRefused("rrule", () -> rule.reschedule(schedule("14:00", "17:00", LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 7), Set.of(SessionMode.VIDEO_REMOTE), null)));

        assertEquals(before, rule.windows(DEC_1, DEC_31));
        assertEquals(LocalTime.of(9, 0), rule.startTime());
    }

    @Test
    void rescheduleReplacesTimesModesOfficeAndExceptedDates() {
        AvailabilityRule rule = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null, DEC_1);

        rule.reschedule(new Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=WE"), LocalTime.of(14, 0),
                LocalTime.of(16, 30), DEC_1, null, Set.of(SessionMode.IN_PERSON), office(), Set.of()));

        List<AvailabilityWindow> windows = rule.windows(DEC_1, LocalDate.of(2026, 12, 7));
        assertEquals(1, windows.size());
        assertEquals(sgt(LocalDate.of(2026, 12, 2), "14:00"), windows.get(0).range().start());
        assertEquals(sgt(LocalDate.of(2026, 12, 2), "16:30"), windows.get(0).range().end());
        assertEquals(Set.of(SessionMode.IN_PERSON), windows.get(0).modes());
        assertEquals(OFFICE_ID, windows.get(0).officeId());
        assertEquals(Set.of(), rule.exceptDates());
        assertEquals("FREQ=WEEKLY;BYDAY=WE", rule.rrule());
    }

    // --- clashes ---

    @Test
    void rulesOnTheSameDaysAtOverlappingTimesClashOnTheFirstSharedDate() {
        AvailabilityRule mornings = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        AvailabilityRule thursdayLunch = rule("FREQ=WEEKLY;BYDAY=TH", "11:00", "13:00", DEC_1, null);

        LocalDate firstThursday = LocalDate.of(2026, 12, 3);
        assertEquals(Optional.of(firstThursday), mornings.firstClashWith(thursdayLunch));
        assertEquals(Optional.of(firstThursday), thursdayLunch.firstClashWith(mornings));
    }

    @Test
    void aClashIsLookedForOnlyWhereBothRulesAreValid() {
        AvailabilityRule mornings = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        AvailabilityRule laterRule = rule("FREQ=WEEKLY;BYDAY=TU,TH", "10:00", "11:00", LocalDate.of(2026, 12, 11),
                null);

        assertEquals(Optional.of(LocalDate.of(2026, 12, 15)), mornings.firstClashWith(laterRule));
        assertEquals(Optional.of(LocalDate.of(2026, 12, 15)), laterRule.firstClashWith(mornings));
    }

    @Test
    void anExceptedDateIsNoClash() {
        AvailabilityRule mornings = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null,
                DEC_1, LocalDate.of(2026, 12, 3));
        AvailabilityRule sameMornings = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);

        assertEquals(Optional.of(LocalDate.of(2026, 12, 8)), mornings.firstClashWith(sameMornings));
    }

    @Test
    void rulesThatOnlyTouchDoNotClash() {
        AvailabilityRule mornings = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        AvailabilityRule afternoons = rule("FREQ=WEEKLY;BYDAY=TU,TH", "12:00", "15:00", DEC_1, null);

        assertEquals(Optional.empty(), mornings.firstClashWith(afternoons));
        assertEquals(Optional.empty(), afternoons.firstClashWith(mornings));
    }

    @Test
    void rulesOnDifferentDaysDoNotClash() {
        AvailabilityRule tuesdays = rule("FREQ=WEEKLY;BYDAY=TU", "09:00", "12:00", DEC_1, null);
        AvailabilityRule wednesdays = rule("FREQ=WEEKLY;BYDAY=WE", "09:00", "12:00", DEC_1, null);

        assertEquals(Optional.empty(), tuesdays.firstClashWith(wednesdays));
        assertEquals(Optional.empty(), wednesdays.firstClashWith(tuesdays));
    }

    @Test
    void rulesValidInDifferentPeriodsDoNotClash() {
        AvailabilityRule december = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, DEC_31);
        AvailabilityRule fromJanuary = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", LocalDate.of(2027, 1, 1),
                null);

        assertEquals(Optional.empty(), december.firstClashWith(fromJanuary));
        assertEquals(Optional.empty(), fromJanuary.firstClashWith(december));
    }

    @Test
    void aRuleStartingYearsAfterAnotherStillClashesOnItsFirstDate() {
        AvailabilityRule since2026 = rule("FREQ=WEEKLY;BYDAY=TU,TH", "09:00", "12:00", DEC_1, null);
        LocalDate firstThursday2029 = LocalDate.of(2029, 1, 4);
        AvailabilityRule from2029 = rule("FREQ=WEEKLY;BYDAY=TH", "11:00", "13:00", LocalDate.of(2029, 1, 1), null);

        assertEquals(DayOfWeek.THURSDAY, firstThursday2029.getDayOfWeek());
        assertEquals(Optional.of(firstThursday2029), since2026.firstClashWith(from2029));
        assertEquals(Optional.of(firstThursday2029), from2029.firstClashWith(since2026));
    }

    @Test
    void alternateWeeksInOppositePhaseDoNotClash() {
        AvailabilityRule oddWeeks = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "09:00", "12:00", DEC_1, null);
        AvailabilityRule evenWeeks = rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "09:00", "12:00", DEC_1.plusWeeks(1),
                null);

        assertEquals(Optional.empty(), oddWeeks.firstClashWith(evenWeeks));
        assertEquals(Optional.empty(), evenWeeks.firstClashWith(oddWeeks));
    }

    @Test
    void aWeeklyRuleClashesWithAMonthlyRuleOnTheFirstFirstOfTheMonthThatIsItsWeekday() {
        LocalDate validFrom = LocalDate.of(2027, 1, 1);
        AvailabilityRule tuesdays = rule("FREQ=WEEKLY;BYDAY=TU", "09:00", "12:00", validFrom, null);
        AvailabilityRule firstOfMonth = rule("FREQ=MONTHLY;BYMONTHDAY=1", "10:00", "11:00", validFrom, null);

        LocalDate expected = validFrom;
        while (expected.getDayOfWeek() != DayOfWeek.TUESDAY) {
            expected = expected.plusMonths(1);
        }
        assertEquals(Optional.of(expected), tuesdays.firstClashWith(firstOfMonth));
        assertEquals(Optional.of(expected), firstOfMonth.firstClashWith(tuesdays));
        assertTrue(expected.isAfter(validFrom.plusMonths(2)), "the clash is not simply the first date");
    }
}
