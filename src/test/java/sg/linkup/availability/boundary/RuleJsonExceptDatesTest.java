package sg.linkup.availability.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.availability.AvailabilityFixtures.SINGAPORE;
import static sg.linkup.availability.AvailabilityFixtures.advisor;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.directory.entity.SessionMode;

/** EXDATEs given as dates or as date-times with a time zone offset count on their Singapore date. */
class RuleJsonExceptDatesTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);   // a Tuesday
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    /** Tuesdays 09:00–12:00 on video from 1 December 2026, except the given dates. */
    private static RuleJson tuesdaysExcept(String... exceptDates) {
        return new RuleJson(null, null, "FREQ=WEEKLY;BYDAY=TU", null, null, LocalTime.of(9, 0), LocalTime.NOON, DEC_1, null,
                Set.of(SessionMode.VIDEO_REMOTE), null, List.of(exceptDates), null);
    }

    private static List<LocalDate> windowDays(RuleJson json) {
        AvailabilityRule rule = new AvailabilityRule(advisor(), json.schedule(null));
        return rule.windows(DEC_1, DEC_31).stream()
                .map(w -> w.range().start().atZone(SINGAPORE).toLocalDate())
                .toList();
    }

    private static List<LocalDate> decemberTuesdaysExcept(LocalDate... excepted) {
        return DEC_1.datesUntil(DEC_31.plusDays(1))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY)
                .filter(d -> !List.of(excepted).contains(d))
                .toList();
    }

    @Test
    void aNewYorkEveningRemovesTheNextSingaporeDate() {
        // 20:00 on Monday the 7th in New York (UTC-5) is 09:00 on Tuesday the 8th in Singapore
        RuleJson json = tuesdaysExcept("2026-12-07T20:00:00-05:00");

        assertEquals(Set.of(LocalDate.of(2026, 12, 8)), json.schedule(null).exceptDates());
        assertEquals(decemberTuesdaysExcept(LocalDate.of(2026, 12, 8)), windowDays(json));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-15, 2026-12-15",
            "2026-12-15T09:00, 2026-12-15",
            "2026-12-15T09:00+08:00, 2026-12-15",
            "2026-12-15T01:00:00Z, 2026-12-15",
            "2026-12-14T16:00:00Z, 2026-12-15",
            "2026-12-15T15:59:00Z, 2026-12-15",
            "2026-12-16T00:30+09:00, 2026-12-15"})
    void eachFormOfExceptDateCountsOnItsSingaporeDate(String given, LocalDate singaporeDate) {
        RuleJson json = tuesdaysExcept(given);

        assertEquals(Set.of(singaporeDate), json.schedule(null).exceptDates());
        assertEquals(decemberTuesdaysExcept(singaporeDate), windowDays(json));
    }

    @Test
    void aUtcTimeLateInTheDayIsTheNextSingaporeDateAndLeavesItsUtcDate() {
        // 16:00Z on Tuesday the 22nd is midnight starting Wednesday the 23rd in Singapore
        RuleJson json = tuesdaysExcept("2026-12-22T16:00:00Z");

        assertEquals(Set.of(LocalDate.of(2026, 12, 23)), json.schedule(null).exceptDates());
        assertTrue(windowDays(json).contains(LocalDate.of(2026, 12, 22)));
    }

    @Test
    void severalExceptDatesAreAllRemoved() {
        RuleJson json = tuesdaysExcept("2026-12-08", "2026-12-21T18:00:00-08:00", " 2026-12-29 ");

        List<LocalDate> days = windowDays(json);

        assertEquals(decemberTuesdaysExcept(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 22),
                LocalDate.of(2026, 12, 29)), days);
        assertFalse(days.isEmpty());
    }

    @Test
    void noExceptDatesRemoveNothing() {
        RuleJson json = new RuleJson(null, null, "FREQ=WEEKLY;BYDAY=TU", null, null, LocalTime.of(9, 0), LocalTime.NOON, DEC_1,
                null, Set.of(SessionMode.VIDEO_REMOTE), null, null, null);

        assertEquals(decemberTuesdaysExcept(), windowDays(json));
    }

    @Test
    void anExceptDateThatIsNoDateIsRefusedNamingExceptDates() {
        assertRefused("exceptDates", () -> tuesdaysExcept("next tuesday").schedule(null));
        assertRefused("exceptDates", () -> tuesdaysExcept("2026-12-32").schedule(null));
        assertRefused("exceptDates", () -> tuesdaysExcept("2026-12-08T09:00+99:00").schedule(null));
    }

    @Test
    void aRuleReadBackListsItsExceptDatesAsSingaporeDates() {
        AvailabilityRule rule = new AvailabilityRule(advisor(),
                tuesdaysExcept("2026-12-07T20:00:00-05:00", "2026-12-15").schedule(null));

        assertEquals(List.of("2026-12-08", "2026-12-15"), RuleJson.of(rule).exceptDates());
    }
}
