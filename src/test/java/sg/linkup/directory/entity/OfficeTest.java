package sg.linkup.directory.entity;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.directory.entity.DirectoryFixtures.TAMPINES;
import static sg.linkup.directory.entity.DirectoryFixtures.hours;
import static sg.linkup.directory.entity.DirectoryFixtures.office;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import sg.linkup.platform.NotFound;

class OfficeTest {

    private static final LocalDate MONDAY_2_JUNE = LocalDate.of(2025, 6, 2);

    /** Weekdays 08:30–12:00 and 13:00–17:30, Saturday morning. */
    private static Office tampines() {
        List<OpeningHours> week = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(MONDAY, DayOfWeek.FRIDAY)) {
            week.add(hours(day, "13:00", "17:30"));
            week.add(hours(day, "08:30", "12:00"));
        }
        week.add(hours(SATURDAY, "09:00", "12:00"));
        return office(week);
    }

    @Test
    void hoursThatCloseBeforeTheyOpenAreRefused() {
        assertRefused("openingHours", () -> hours(MONDAY, "17:30", "08:30"));
    }

    @Test
    void hoursThatCloseWhenTheyOpenAreRefused() {
        assertRefused("openingHours", () -> hours(MONDAY, "08:30", "08:30"));
    }

    @Test
    void timesWithSecondsAreRefused() {
        assertRefused("openingHours", () -> new OpeningHours(MONDAY, LocalTime.of(8, 30, 15), LocalTime.of(17, 30)));
        assertRefused("openingHours", () -> new OpeningHours(MONDAY, LocalTime.of(8, 30), LocalTime.of(17, 30, 0, 5)));
    }

    @Test
    void overlappingIntervalsOnOneWeekdayAreRefused() {
        assertRefused("openingHours",
                () -> office(List.of(hours(MONDAY, "08:30", "12:00"), hours(MONDAY, "11:30", "17:30"))));
    }

    @Test
    void anIntervalInsideAnotherIsRefused() {
        assertRefused("openingHours",
                () -> office(List.of(hours(MONDAY, "08:30", "17:30"), hours(MONDAY, "12:00", "13:00"))));
    }

    @Test
    void replacingHoursWithOverlappingOnesKeepsTheOldHours() {
        Office office = office(List.of(hours(MONDAY, "08:30", "17:30")));

        assertRefused("openingHours", () -> office.replaceOpeningHours(
                List.of(hours(TUESDAY, "08:30", "12:00"), hours(TUESDAY, "10:00", "17:30"))));

        assertEquals(1, office.openingHours().size());
        assertEquals(MONDAY, office.openingHours().get(0).day());
    }

    @Test
    void adjacentIntervalsAreAccepted() {
        Office office = office(List.of(hours(MONDAY, "12:00", "17:30"), hours(MONDAY, "08:30", "12:00")));

        assertEquals(2, office.openingHours().size());
    }

    @Test
    void sameHoursOnDifferentDaysAreAccepted() {
        Office office = office(List.of(hours(MONDAY, "08:30", "17:30"), hours(TUESDAY, "08:30", "17:30")));

        assertEquals(2, office.openingHours().size());
    }

    @Test
    void openingHoursOnADateAreThatWeekdaysIntervalsInOrder() {
        List<OpeningHours> monday = tampines().openingHoursOn(MONDAY_2_JUNE);

        assertEquals(2, monday.size());
        assertTrue(monday.stream().allMatch(h -> h.day() == MONDAY));
        assertEquals(LocalTime.of(8, 30), monday.get(0).opens());
        assertEquals(LocalTime.of(12, 0), monday.get(0).closes());
        assertEquals(LocalTime.of(13, 0), monday.get(1).opens());
        assertEquals(LocalTime.of(17, 30), monday.get(1).closes());
    }

    @Test
    void saturdayHasOnlyItsMorningAndSundayNothing() {
        Office office = tampines();

        List<OpeningHours> saturday = office.openingHoursOn(MONDAY_2_JUNE.plusDays(5));
        assertEquals(1, saturday.size());
        assertEquals(LocalTime.of(9, 0), saturday.get(0).opens());
        assertEquals(List.of(), office.openingHoursOn(MONDAY_2_JUNE.plusDays(6)));
    }

    @Test
    void closedFromFirstToLastDayInclusive() {
        Office office = tampines();
        LocalDate tuesday = MONDAY_2_JUNE.plusDays(1);
        LocalDate thursday = MONDAY_2_JUNE.plusDays(3);

        office.close(tuesday, thursday, "Renovation");

        assertEquals(2, office.openingHoursOn(MONDAY_2_JUNE).size(), "day before the closure");
        assertEquals(List.of(), office.openingHoursOn(tuesday), "first day of the closure");
        assertEquals(List.of(), office.openingHoursOn(tuesday.plusDays(1)), "inside the closure");
        assertEquals(List.of(), office.openingHoursOn(thursday), "last day of the closure");
        assertEquals(2, office.openingHoursOn(thursday.plusDays(1)).size(), "day after the closure");
    }

    @Test
    void oneDayClosureClosesThatDayOnly() {
        Office office = tampines();

        office.close(MONDAY_2_JUNE, MONDAY_2_JUNE, "Staff retreat");

        assertTrue(office.isClosedOn(MONDAY_2_JUNE));
        assertEquals(List.of(), office.openingHoursOn(MONDAY_2_JUNE));
        assertEquals(2, office.openingHoursOn(MONDAY_2_JUNE.plusDays(7)).size());
    }

    @Test
    void closureEndingBeforeItStartsIsRefused() {
        Office office = tampines();

        assertRefused("lastDay", () -> office.close(MONDAY_2_JUNE, MONDAY_2_JUNE.minusDays(1), "Renovation"));
        assertEquals(List.of(), office.closures());
    }

    @Test
    void closureNeedsAReason() {
        assertRefused("reason", () -> tampines().close(MONDAY_2_JUNE, MONDAY_2_JUNE, " "));
    }

    @Test
    void deactivatedOfficeHasNoOpeningHours() {
        Office office = tampines();

        office.deactivate();
        assertEquals(List.of(), office.openingHoursOn(MONDAY_2_JUNE));

        office.activate();
        assertEquals(2, office.openingHoursOn(MONDAY_2_JUNE).size());
    }

    @Test
    void removingAnUnknownClosureIsNotFound() {
        Office office = tampines();
        office.close(MONDAY_2_JUNE, MONDAY_2_JUNE, "Staff retreat");

        NotFound notFound = assertThrows(NotFound.class, () -> office.removeClosure(42L));

        assertEquals(404, notFound.status());
        assertTrue(notFound.getMessage().contains("42"), notFound.getMessage());
        assertEquals(1, office.closures().size());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "52852", "5285230", "52852A", "528 523"})
    void postalCodeMustHaveSixDigits(String postalCode) {
        assertRefused("postalCode",
                () -> new Office("TAMPINES", "SSO@Tampines", "1 Tampines Walk", postalCode, TAMPINES, List.of()));
    }

    @Test
    void codeIsUpperCasedAndTextFieldsAreTrimmed() {
        Office office = new Office("  tampines-1 ", " SSO@Tampines ", " 1 Tampines Walk ", " 528523 ", TAMPINES,
                List.of());

        assertEquals("TAMPINES-1", office.code());
        assertEquals("SSO@Tampines", office.name());
        assertEquals("528523", office.postalCode());
    }
}
