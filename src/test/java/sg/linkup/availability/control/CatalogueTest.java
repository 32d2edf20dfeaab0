package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.availability.AvailabilityFixtures.sgt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.InvalidInput;

/** The catalogue in memory answers what each search used to ask the database. */
class CatalogueTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant LEAVE_FROM = sgt(MONDAY, "00:00");

    static AvailabilityRule.Pattern pattern(long ruleId, long advisorId, String rrule, String start, String end,
                                            LocalDate validFrom, LocalDate validUntil, LocalDate... except) {
        return new AvailabilityRule.Pattern(ruleId, advisorId, null, Recurrence.parse(rrule), LocalTime.parse(start),
                LocalTime.parse(end), validFrom, validUntil, Set.of(SessionMode.VIDEO_REMOTE), Set.of(except));
    }

    private static final List<AvailabilityRule.Pattern> RULES = List.of(
            pattern(1, 7, "FREQ=WEEKLY;BYDAY=MO,WE", "09:00", "12:00", MONDAY.minusDays(400), null,
                    MONDAY.plusDays(2)),
            pattern(2, 7, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "14:00", "17:00", MONDAY.minusDays(30),
                    MONDAY.plusDays(90)),
            pattern(3, 8, "FREQ=DAILY", "10:00", "11:00", MONDAY.plusDays(10), null),
            pattern(4, 9, "FREQ=MONTHLY;BYMONTHDAY=1,15", "08:30", "12:30", MONDAY.minusDays(700), null));

    private static Catalogue catalogue(List<AvailabilityRule.Pattern> rules, Map<Long, RuntimeException> unreadable,
                                       List<Catalogue.Leave> leave) {
        return new Catalogue(42L, List.of(), List.of(), List.of(),
                List.of(new Catalogue.AdvisorEntry(7, "Mei Ling", "mei@wsg.example", 1, true, Set.of(Language.EN),
                                Set.of(5L)),
                        new Catalogue.AdvisorEntry(8, "Ravi", "ravi@wsg.example", 1, true, Set.of(Language.TA),
                                Set.of(5L, 6L)),
                        new Catalogue.AdvisorEntry(9, "Left", "left@wsg.example", 1, false, Set.of(Language.EN),
                                Set.of(5L))),
                rules, unreadable, LEAVE_FROM, leave,
                List.of(MONDAY.plusDays(18), MONDAY.plusDays(25), MONDAY.plusDays(400)));
    }

    /** What each search computed from the rules before: every rule's own windows over the days asked. */
    private static Map<Long, List<AvailabilityWindow>> expanded(List<AvailabilityRule.Pattern> rules, Set<Long> advisors,
                                                                LocalDate first, LocalDate last) {
        Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
        for (AvailabilityRule.Pattern rule : rules) {
            if (advisors.contains(rule.advisorId())) {
                List<AvailabilityWindow> found = rule.windows(first, last);
                if (!found.isEmpty()) {
                    windows.computeIfAbsent(rule.advisorId(), id -> new ArrayList<>()).addAll(found);
                }
            }
        }
        windows.values().forEach(CatalogueTest::sort);
        return windows;
    }

    private static void sort(List<AvailabilityWindow> windows) {
        windows.sort(Comparator.comparing(AvailabilityWindow::range));
    }

    @Test
    void windowsAreTheRulesOwnExpansionWhicheverDaysAreAsked() {
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of());
        Random random = new Random(20_261_206L);
        for (int i = 0; i < 300; i++) {
            // Windows that start and end anywhere, many across a block boundary.
            LocalDate first = MONDAY.plusDays(random.nextInt(200) - 20);
            LocalDate last = first.plusDays(random.nextInt(60));
            Set<Long> advisors = random.nextBoolean() ? Set.of(7L, 8L, 9L) : Set.of(8L);

            Map<Long, List<AvailabilityWindow>> windows = catalogue.windows(advisors, first, last);
            windows.values().forEach(CatalogueTest::sort);

            assertEquals(expanded(RULES, advisors, first, last), windows, first + ".." + last + " " + advisors);
        }
    }

    @Test
    void anAdvisorWithoutWindowsInTheDaysAskedIsLeftOut() {
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of());

        // Advisor 8 starts ten days after Monday.
        assertEquals(Set.of(7L), catalogue.windows(Set.of(7L, 8L), MONDAY, MONDAY.plusDays(1)).keySet());
    }

    @Test
    void anUnreadableRuleFailsTheSearchesOfItsAdvisorOnly() {
        InvalidInput bad = new InvalidInput("rrule", "not a valid RFC 5545 RRULE");
        Catalogue catalogue = catalogue(RULES, Map.of(8L, bad), List.of());

        assertEquals(Set.of(7L), catalogue.windows(Set.of(7L), MONDAY, MONDAY.plusDays(13)).keySet());
        assertSame(bad, assertThrows(InvalidInput.class,
                () -> catalogue.windows(Set.of(7L, 8L), MONDAY, MONDAY.plusDays(13))));
    }

    @Test
    void aRuleThatFailsToExpandFailsItsAdvisorOnly() {
        AvailabilityRule.Pattern broken = new AvailabilityRule.Pattern(5L, 8L, null, null, LocalTime.NOON,
                LocalTime.of(13, 0), MONDAY, null, Set.of(SessionMode.VIDEO_REMOTE), Set.of());
        List<AvailabilityRule.Pattern> rules = new ArrayList<>(RULES);
        rules.add(broken);
        Catalogue catalogue = catalogue(rules, Map.of(), List.of());

        assertTrue(catalogue.windows(Set.of(7L), MONDAY, MONDAY.plusDays(13)).containsKey(7L));
        assertThrows(NullPointerException.class, () -> catalogue.windows(Set.of(8L), MONDAY, MONDAY.plusDays(13)));
    }

    @Test
    void onlyActiveAdvisorsOfferAServiceButEveryAdvisorCanBeLookedUp() {
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of());

        assertEquals(Set.of(7L, 8L), catalogue.advisorsOffering(5L).stream().map(Catalogue.AdvisorEntry::id)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals("Left", catalogue.advisor(9L).orElseThrow().displayName());
        assertEquals(List.of(), catalogue.advisorsOffering(77L));
    }

    @Test
    void holidaysAreTheDaysBetweenBothEndsIncluded() {
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of());

        assertEquals(Set.of(MONDAY.plusDays(18), MONDAY.plusDays(25)),
                catalogue.holidaysBetween(MONDAY.plusDays(18), MONDAY.plusDays(25)));
        assertEquals(Set.of(), catalogue.holidaysBetween(MONDAY, MONDAY.plusDays(17)));
        assertEquals(Set.of(), catalogue.holidaysBetween(MONDAY.plusDays(25), MONDAY.plusDays(24)));
    }

    @Test
    void leaveIsTheAgencysOwnThatOverlapsTheRange() {
        Catalogue.Leave meiLing = new Catalogue.Leave(1, 7L, new TimeRange(sgt(MONDAY, "09:00"),
                sgt(MONDAY, "12:00")));
        Catalogue.Leave retreat = new Catalogue.Leave(1, null, new TimeRange(sgt(MONDAY.plusDays(1), "00:00"),
                sgt(MONDAY.plusDays(2), "00:00")));
        Catalogue.Leave otherAgency = new Catalogue.Leave(2, null, new TimeRange(sgt(MONDAY, "00:00"),
                sgt(MONDAY.plusDays(7), "00:00")));
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of(retreat, otherAgency, meiLing));

        assertEquals(List.of(meiLing, retreat), catalogue.leaveOf(1, new TimeRange(sgt(MONDAY, "11:00"),
                sgt(MONDAY.plusDays(1), "01:00"))));
        assertEquals(List.of(), catalogue.leaveOf(1, new TimeRange(sgt(MONDAY, "12:00"), sgt(MONDAY, "23:00"))),
                "touching ends do not overlap");
        assertEquals(List.of(otherAgency), catalogue.leaveOf(2, new TimeRange(sgt(MONDAY, "12:00"),
                sgt(MONDAY, "13:00"))));
    }

    @Test
    void askingForLeaveBeforeWhatWasKeptIsRefusedNotAnsweredWrongly() {
        Catalogue catalogue = catalogue(RULES, Map.of(), List.of());

        assertThrows(IllegalStateException.class, () -> catalogue.leaveOf(1,
                new TimeRange(LEAVE_FROM.minusSeconds(1), LEAVE_FROM.plusSeconds(3_600))));
    }
}
