package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayCalendarTest {

    private static final Path SG_HOLIDAYS = Path.of("config/sg-public-holidays.ics");

    private static SortedMap<LocalDate, String> realFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(SG_HOLIDAYS, StandardCharsets.UTF_8)) {
            return HolidayCalendar.parse(reader);
        }
    }

    /** A calendar of the given VEVENT bodies (the lines between BEGIN:VEVENT and END:VEVENT). */
    private static String calendar(String... events) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linkup tests//EN\r\n");
        int uid = 0;
        for (String event : events) {
            text.append("BEGIN:VEVENT\r\nUID:").append(++uid).append("@test\r\nDTSTAMP:20261123T000000Z\r\n")
                    .append(event.strip().replace("\n", "\r\n")).append("\r\nEND:VEVENT\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }

    private static SortedMap<LocalDate, String> parse(String text) {
        return HolidayCalendar.parse(new StringReader(text));
    }

    @Test
    void theShippedCalendarCovers2025To2027() throws IOException {
        Set<Integer> years = new TreeSet<>();
        realFile().keySet().forEach(day -> years.add(day.getYear()));

        assertEquals(Set.of(2025, 2026, 2027), years);
    }

    @Test
    void theShippedCalendarHasOneDayForEveryEvent() throws IOException {
        long events = Files.readAllLines(SG_HOLIDAYS).stream().filter(l -> l.strip().equals("BEGIN:VEVENT")).count();

        assertEquals(events, realFile().size());
    }

    @Test
    void theShippedCalendarHasTheDaysInLieu() throws IOException {
        SortedMap<LocalDate, String> holidays = realFile();

        assertEquals("National Day (in lieu)", holidays.get(LocalDate.of(2026, 8, 10)));
        assertEquals("National Day", holidays.get(LocalDate.of(2026, 8, 9)));
        assertTrue(holidays.containsKey(LocalDate.of(2027, 2, 8)), "Chinese New Year in lieu 2027");
        assertFalse(holidays.containsKey(LocalDate.of(2026, 8, 11)), "DTEND is not itself a holiday");
    }

    @Test
    void everyDayOfAMultiDayEventIsAHoliday() {
        SortedMap<LocalDate, String> holidays = parse(calendar("""
                DTSTART;VALUE=DATE:20261224
                DTEND;VALUE=DATE:20261227
                SUMMARY:Year-end break
                """));

        assertEquals(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)),
                List.copyOf(holidays.keySet()));
        assertTrue(holidays.values().stream().allMatch("Year-end break"::equals));
    }

    /**
     * RFC 5545 lets a VEVENT give its length as DURATION instead of DTEND; a three-day closure exported that
     * way must not shrink to its first day.
     */
    @Test
    void everyDayOfAMultiDayEventGivenByDurationIsAHoliday() {
        SortedMap<LocalDate, String> holidays = parse(calendar("""
                DTSTART;VALUE=DATE:20261224
                DURATION:P3D
                SUMMARY:Year-end break
                """));

        assertEquals(List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)),
                List.copyOf(holidays.keySet()));
    }

    @Test
    void anEventWithoutDtendIsOneDay() {
        SortedMap<LocalDate, String> holidays = parse(calendar("""
                DTSTART;VALUE=DATE:20261225
                SUMMARY:Christmas Day
                """));

        assertEquals(List.of(LocalDate.of(2026, 12, 25)), List.copyOf(holidays.keySet()));
    }

    @Test
    void aSingaporeTimeCountsOnItsSingaporeDate() {
        // 07:00 in Singapore is still the previous day in UTC, where the tests run
        SortedMap<LocalDate, String> holidays = parse(calendar("""
                DTSTART;TZID=Asia/Singapore:20261208T070000
                DTEND;TZID=Asia/Singapore:20261208T080000
                SUMMARY:Morning closure
                """));

        assertEquals(List.of(LocalDate.of(2026, 12, 8)), List.copyOf(holidays.keySet()));
    }

    @Test
    void aUtcTimeCountsOnItsSingaporeDate() {
        // 17:00Z on the 7th is 01:00 on the 8th in Singapore
        SortedMap<LocalDate, String> holidays = parse(calendar("""
                DTSTART:20261207T170000Z
                SUMMARY:Night closure
                """));

        assertEquals(List.of(LocalDate.of(2026, 12, 8)), List.copyOf(holidays.keySet()));
    }

    @Test
    void anEventWithoutSummaryIsCalledPublicHoliday() {
        SortedMap<LocalDate, String> holidays = parse(calendar("DTSTART;VALUE=DATE:20261225"));

        assertEquals("Public holiday", holidays.get(LocalDate.of(2026, 12, 25)));
    }

    @Test
    void otherComponentsAreIgnored() {
        String text = calendar("DTSTART;VALUE=DATE:20261225\nSUMMARY:Christmas Day").replace("END:VCALENDAR",
                "BEGIN:VTODO\r\nUID:todo@test\r\nDTSTAMP:20261123T000000Z\r\nDTSTART;VALUE=DATE:20261226\r\n"
                        + "SUMMARY:Buy presents\r\nEND:VTODO\r\nEND:VCALENDAR");

        assertEquals(Set.of(LocalDate.of(2026, 12, 25)), parse(text).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "this is not a calendar", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
            "Date,Holiday\r\n2026-12-25,Christmas Day\r\n"})
    void textThatIsNotICalendarIsRefused(String text) {
        assertRefused("calendar", () -> parse(text));
    }

    @Test
    void aCalendarWithoutEventsIsRefused() {
        assertRefused("calendar", () -> parse(calendar()));
    }

    @Test
    void aCalendarWithOnlyATodoIsRefused() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linkup tests//EN\r\nBEGIN:VTODO\r\n"
                + "UID:todo@test\r\nDTSTAMP:20261123T000000Z\r\nSUMMARY:Buy presents\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";

        assertRefused("calendar", () -> parse(text));
    }

    @Test
    void anEventWithoutDtstartIsRefused() {
        assertRefused("calendar", () -> parse(calendar("SUMMARY:Someday")));
    }

    @Test
    void aSummaryLongerThan120CharactersIsRefused() {
        assertRefused("calendar", () -> parse(calendar("DTSTART;VALUE=DATE:20261225\nSUMMARY:" + "x".repeat(121))));
    }

    @Test
    void moreThan400HolidayDaysAreRefused() {
        assertRefused("calendar", () -> parse(calendar("""
                DTSTART;VALUE=DATE:20250101
                DTEND;VALUE=DATE:20270101
                SUMMARY:Two years off
                """)));
    }
}
