package sg.linkup.availability.boundary;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sg.linkup.availability.AvailabilityFixtures.advisor;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.directory.entity.SessionMode;

/** A rule's repeat arrives as an RRULE or as days and "every N weeks" — one of the two — and is answered as both. */
class RuleJsonRepeatTest {

    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    private static RuleJson rule(String rrule, List<DayOfWeek> weekdays, Integer everyWeeks) {
        return new RuleJson(null, null, rrule, weekdays, everyWeeks, LocalTime.of(9, 0), LocalTime.NOON, DEC_1, null,
                Set.of(SessionMode.VIDEO_REMOTE), null, null, null);
    }

    @Test
    void daysAndWeeksBecomeTheRrule() {
        assertEquals("FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2",
                rule(null, List.of(THURSDAY, TUESDAY), 2).recurrence().toString());
    }

    @Test
    void daysWithoutWeeksMeanEveryWeek() {
        assertEquals("FREQ=WEEKLY;BYDAY=MO", rule(null, List.of(MONDAY), null).recurrence().toString());
    }

    @Test
    void anRruleStillWorks() {
        assertEquals("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
                rule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1", null, null).recurrence().toString());
    }

    @Test
    void bothAnRruleAndDaysAreRefused() {
        assertRefused("rrule", () -> rule("FREQ=WEEKLY;BYDAY=MO", List.of(TUESDAY), 1).recurrence());
        assertRefused("rrule", () -> rule("FREQ=WEEKLY;BYDAY=MO", null, 2).recurrence());
    }

    @Test
    void neitherIsRefused() {
        assertRefused("weekdays", () -> rule(null, null, null).recurrence());
        assertRefused("weekdays", () -> rule("  ", null, null).recurrence());
    }

    @Test
    void noDaysOrBadWeeksAreRefusedAtTheirField() {
        assertRefused("weekdays", () -> rule(null, List.of(), 1).recurrence());
        assertRefused("everyWeeks", () -> rule(null, List.of(MONDAY), 0).recurrence());
        assertRefused("everyWeeks", () -> rule(null, List.of(MONDAY), 53).recurrence());
    }

    @Test
    void theAnswerCarriesTheDaysOfAWeeklyRule() {
        RuleJson answer = RuleJson.of(new AvailabilityRule(advisor(),
                rule(null, List.of(THURSDAY, TUESDAY), 2).schedule(null)));
        assertEquals("FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2", answer.rrule());
        assertEquals(List.of(TUESDAY, THURSDAY), answer.weekdays());
        assertEquals(2, answer.everyWeeks());
    }

    @Test
    void theAnswerLeavesThemOutForARuleTheFormCannotSay() {
        RuleJson answer = RuleJson.of(new AvailabilityRule(advisor(),
                rule("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1", null, null).schedule(null)));
        assertNull(answer.weekdays());
        assertNull(answer.everyWeeks());
    }
}
