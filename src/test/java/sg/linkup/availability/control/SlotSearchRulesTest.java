package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.availability.AvailabilityFixtures.SINGAPORE;
import static sg.linkup.availability.AvailabilityFixtures.entryOf;
import static sg.linkup.availability.AvailabilityFixtures.office;
import static sg.linkup.availability.AvailabilityFixtures.sgt;
import static sg.linkup.availability.AvailabilityFixtures.terms;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Service;

/** The rules slot search applies to the question before it looks at anyone's calendar. */
class SlotSearchRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Service.Terms TWO_HOURS_NOTICE_60_DAYS = terms(120, 60);
    private static final Instant HORIZON = NOW.plus(Duration.ofDays(60));

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);

    private static SlotSearch.Query between(Instant from, Instant to) {
        return SlotSearch.Query.of(1L, List.of(1L), null, from, to);
    }

    // --- the question ---

    @Test
    void aBookingChecksTheOneStartItWantsWithEveryCandidate() {
        Instant start = sgt(MONDAY, "10:00");

        SlotSearch.Query query = SlotSearch.Query.startingAt(7L, 3L, null, start).forClient(11L).ignoring(13L)
                .onlyAdvisor(17L);

        assertEquals(7L, query.serviceId());
        assertEquals(List.of(3L), query.officeIds());
        assertEquals(new TimeRange(start, start.plusSeconds(60)), new TimeRange(query.from(), query.to()));
        assertEquals(11L, query.clientId());
        assertEquals(13L, query.ignoreBooking());
        assertEquals(17L, query.onlyAdvisor());
        assertEquals(SlotSearch.MAX_LIMIT, query.limit());
        assertTrue(query.allCandidates(), "every free advisor and room, to check the one asked for");
    }

    @Test
    void eachRefinementSetsOnlyItsOwnPart() {
        SlotSearch.Query plain = between(NOW, HORIZON);

        SlotSearch.Query refined = plain.speaking(Language.TA).first(3).withCandidates(true);

        assertEquals(Language.TA, refined.language());
        assertEquals(3, refined.limit());
        assertTrue(refined.allCandidates());
        assertEquals(plain, refined.speaking(null).first(null).withCandidates(false));
    }

    // --- the window searched ---

    @Test
    void withoutFromTheSearchStartsNow() {
        TimeRange window = SlotSearch.window(between(null, NOW.plus(Duration.ofDays(3))), TWO_HOURS_NOTICE_60_DAYS,
                NOW);

        assertEquals(NOW, window.start());
        assertEquals(NOW.plus(Duration.ofDays(3)), window.end());
    }

    @Test
    void withoutFromTheSearchStartsAtTheCurrentWholeMinute() {
        Instant secondsPast = NOW.plusSeconds(42);

        TimeRange window = SlotSearch.window(between(null, null), TWO_HOURS_NOTICE_60_DAYS, secondsPast);

        assertEquals(NOW, window.start());
    }

    @Test
    void aFromInThePastStartsNow() {
        TimeRange window = SlotSearch.window(between(NOW.minus(Duration.ofDays(2)), null), TWO_HOURS_NOTICE_60_DAYS,
                NOW);

        assertEquals(NOW, window.start());
    }

    @Test
    void withoutToTheSearchCoversFourteenDays() {
        assertEquals(new TimeRange(NOW, NOW.plus(Duration.ofDays(14))),
                SlotSearch.window(between(null, null), TWO_HOURS_NOTICE_60_DAYS, NOW));

        Instant from = NOW.plus(Duration.ofDays(3));
        assertEquals(new TimeRange(from, from.plus(Duration.ofDays(14))),
                SlotSearch.window(between(from, null), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void withoutToTheSearchStopsAtTheHorizon() {
        assertEquals(new TimeRange(NOW, NOW.plus(Duration.ofDays(10))),
                SlotSearch.window(between(null, null), terms(120, 10), NOW));

        Instant from = NOW.plus(Duration.ofDays(50));
        assertEquals(new TimeRange(from, HORIZON),
                SlotSearch.window(between(from, null), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void toBeforeOrAtFromIsRefused() {
        Instant from = NOW.plus(Duration.ofDays(3));

        assertRefused("to", () -> SlotSearch.window(between(from, from.minusSeconds(1)), TWO_HOURS_NOTICE_60_DAYS,
                NOW));
        assertRefused("to", () -> SlotSearch.window(between(from, from), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void toInThePastIsRefusedBecauseTheSearchStartsNow() {
        assertRefused("to", () -> SlotSearch.window(between(null, NOW.minus(Duration.ofHours(1))),
                TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void toMoreThanADayBeyondTheHorizonIsRefused() {
        Instant tooFar = HORIZON.plus(Duration.ofDays(1)).plusSeconds(1);

        assertRefused("to", () -> SlotSearch.window(between(null, tooFar), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void toWithinTheDaysGraceIsCutBackToTheHorizon() {
        TimeRange window = SlotSearch.window(between(null, HORIZON.plus(Duration.ofDays(1))),
                TWO_HOURS_NOTICE_60_DAYS, NOW);

        assertEquals(HORIZON, window.end());
    }

    @Test
    void toBeforeTheHorizonIsKept() {
        Instant to = HORIZON.minus(Duration.ofMinutes(5));

        assertEquals(to, SlotSearch.window(between(null, to), TWO_HOURS_NOTICE_60_DAYS, NOW).end());
    }

    @Test
    void fromAtOrBeyondTheHorizonIsRefused() {
        assertRefused("from", () -> SlotSearch.window(between(HORIZON, null), TWO_HOURS_NOTICE_60_DAYS, NOW));
        assertRefused("from", () -> SlotSearch.window(between(HORIZON.plus(Duration.ofDays(5)),
                HORIZON.plus(Duration.ofDays(6))), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void fromJustBeforeTheHorizonIsAccepted() {
        Instant from = HORIZON.minus(Duration.ofMinutes(1));

        assertEquals(new TimeRange(from, HORIZON),
                SlotSearch.window(between(from, null), TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    // --- minimum notice ---

    @Test
    void aSearchStartingNowStartsAfterTheMinimumNotice() {
        TimeRange window = new TimeRange(NOW, NOW.plus(Duration.ofDays(14)));

        assertEquals(NOW.plus(Duration.ofHours(2)), SlotSearch.earliestStart(window, TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void aSearchStartingWithinTheNoticeStartsAfterTheNotice() {
        TimeRange window = new TimeRange(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(14)));

        assertEquals(NOW.plus(Duration.ofHours(2)), SlotSearch.earliestStart(window, TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void aSearchStartingAfterTheNoticeStartsAtItsOwnStart() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        TimeRange window = new TimeRange(tomorrow, NOW.plus(Duration.ofDays(14)));

        assertEquals(tomorrow, SlotSearch.earliestStart(window, TWO_HOURS_NOTICE_60_DAYS, NOW));
    }

    @Test
    void withoutNoticeTheSearchStartsNow() {
        TimeRange window = new TimeRange(NOW, NOW.plus(Duration.ofDays(14)));

        assertEquals(NOW, SlotSearch.earliestStart(window, terms(0, 60), NOW));
    }

    // --- office opening ---

    @Test
    void aWeekdayWithALunchBreakGivesTwoPeriodsInSingaporeTime() {
        List<TimeRange> open = SlotSearch.openPeriods(entryOf(office()), MONDAY, MONDAY, Set.of());

        assertEquals(List.of(
                new TimeRange(Instant.parse("2026-12-07T00:30:00Z"), Instant.parse("2026-12-07T04:00:00Z")),
                new TimeRange(Instant.parse("2026-12-07T05:00:00Z"), Instant.parse("2026-12-07T09:30:00Z"))), open);
    }

    @Test
    void aWholeWeekGivesTheWeekdaysTwiceSaturdayOnceAndSundayNever() {
        List<TimeRange> open = SlotSearch.openPeriods(entryOf(office()), MONDAY, SUNDAY, Set.of());

        assertEquals(11, open.size());
        assertEquals(new TimeRange(sgt(SUNDAY.minusDays(1), "09:00"), sgt(SUNDAY.minusDays(1), "12:00")),
                open.get(open.size() - 1));
        assertTrue(open.stream().noneMatch(p -> p.start().atZone(SINGAPORE).getDayOfWeek() == DayOfWeek.SUNDAY));
    }

    @Test
    void aDayWithoutOpeningHoursHasNoPeriod() {
        assertEquals(List.of(), SlotSearch.openPeriods(entryOf(office()), SUNDAY, SUNDAY, Set.of()));
    }

    @Test
    void aPublicHolidayHasNoPeriod() {
        LocalDate tuesday = MONDAY.plusDays(1);

        List<TimeRange> open = SlotSearch.openPeriods(entryOf(office()), MONDAY, SUNDAY, Set.of(tuesday));

        assertEquals(9, open.size());
        assertTrue(open.stream().noneMatch(p -> p.start().atZone(SINGAPORE).toLocalDate().equals(tuesday)));
        assertEquals(List.of(), SlotSearch.openPeriods(entryOf(office()), tuesday, tuesday, Set.of(tuesday)));
    }

    @Test
    void aHolidayOutsideTheDaysAskedChangesNothing() {
        assertEquals(SlotSearch.openPeriods(entryOf(office()), MONDAY, MONDAY, Set.of()),
                SlotSearch.openPeriods(entryOf(office()), MONDAY, MONDAY, Set.of(MONDAY.minusDays(1), MONDAY.plusDays(1))));
    }

    @Test
    void anOfficeClosureDayHasNoPeriod() {
        Office office = office();
        LocalDate wednesday = MONDAY.plusDays(2);
        LocalDate thursday = MONDAY.plusDays(3);
        office.close(wednesday, thursday, "Renovation");

        List<TimeRange> open = SlotSearch.openPeriods(entryOf(office), MONDAY, SUNDAY, Set.of());

        assertEquals(7, open.size());
        assertTrue(open.stream().map(p -> p.start().atZone(SINGAPORE).toLocalDate())
                .noneMatch(d -> d.equals(wednesday) || d.equals(thursday)));
        assertEquals(List.of(), SlotSearch.openPeriods(entryOf(office), wednesday, thursday, Set.of()));
    }

    @Test
    void anInactiveOfficeHasNoPeriod() {
        Office office = office();
        office.deactivate();

        assertEquals(List.of(), SlotSearch.openPeriods(entryOf(office), MONDAY, SUNDAY, Set.of()));
    }
}
