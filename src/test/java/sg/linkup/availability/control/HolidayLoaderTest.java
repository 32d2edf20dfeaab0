package sg.linkup.availability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayLoaderTest {

    private static final String TWO_HOLIDAYS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Linkup tests//EN\r
            BEGIN:VEVENT\r
            UID:1@test\r
            DTSTAMP:20261123T000000Z\r
            DTSTART;VALUE=DATE:20300101\r
            SUMMARY:New Year's Day\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:2@test\r
            DTSTAMP:20261123T000000Z\r
            DTSTART;VALUE=DATE:20300501\r
            SUMMARY:Labour Day\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @TempDir
    Path dir;

    /** What the loader asked the database to store, or the failure the database answers with. */
    private final List<SortedMap<LocalDate, String>> stored = new ArrayList<>();
    private final List<Boolean> onlyNewYears = new ArrayList<>();
    private RuntimeException databaseAnswers;

    // --- a file that cannot be used stops the start ---

    @Test
    void aMissingOperatorFileStopsTheStartNamingTheFile() {
        Path missing = dir.resolve("sg-holidays-2031.ics");

        var refused = assertThrows(IllegalStateException.class, () -> loader(missing.toString()).load());

        assertTrue(refused.getMessage().contains("linkup.holidays.file " + missing), refused.getMessage());
        assertTrue(refused.getMessage().contains("there is no such file"), refused.getMessage());
        assertTrue(stored.isEmpty(), "nothing is stored");
    }

    @Test
    void aMalformedOperatorFileStopsTheStartSayingWhatIsWrong() throws IOException {
        Path malformed = write("holidays.ics", "BEGIN:VCALENDAR\r\nthis is no calendar\r\n");

        var refused = assertThrows(IllegalStateException.class, () -> loader(malformed.toString()).load());

        assertTrue(refused.getMessage().contains("linkup.holidays.file " + malformed), refused.getMessage());
        assertTrue(refused.getMessage().contains("is not a usable holiday calendar: not a readable iCalendar file"),
                refused.getMessage());
        assertTrue(stored.isEmpty(), "nothing is stored");
    }

    @Test
    void aCalendarWithoutHolidaysStopsTheStart() throws IOException {
        Path empty = write("holidays.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n");

        var refused = assertThrows(IllegalStateException.class, () -> loader(empty.toString()).load());

        assertTrue(refused.getMessage().endsWith("the calendar holds no VEVENT holidays"), refused.getMessage());
    }

    @Test
    void aMissingBuiltInCalendarStopsTheStart() {
        var refused = assertThrows(IllegalStateException.class,
                () -> HolidayLoader.readBuiltIn("holidays/no-such-calendar.ics"));

        assertTrue(refused.getMessage().contains("holidays/no-such-calendar.ics is missing from the WAR"),
                refused.getMessage());
    }

    @Test
    void aDatabaseFailureOtherThanTheRaceStopsTheStart() {
        var deadlock = new SQLTransactionRollbackException("Deadlock found", "40001", 1213);
        databaseAnswers = new PersistenceException(new RuntimeException(deadlock));

        var refused = assertThrows(IllegalStateException.class, () -> loader(null).load());

        assertTrue(refused.getMessage().contains(HolidayLoader.BUILT_IN + " could not be stored"),
                refused.getMessage());
        assertSame(databaseAnswers, refused.getCause());
    }

    // --- what is loaded ---

    @Test
    void withoutAnOperatorFileTheBuiltInCopyOfTheShippedCalendarFillsInYearsTheDatabaseLacks() throws IOException {
        loader(null).load();

        assertEquals(List.of(true), onlyNewYears);
        try (var shipped = Files.newBufferedReader(Path.of("config/sg-public-holidays.ics"))) {
            assertEquals(HolidayCalendar.parse(shipped), stored.get(0));
        }
    }

    @Test
    void anOperatorFileReplacesTheYearsItLists() throws IOException {
        Path file = write("holidays.ics", TWO_HOLIDAYS);

        loader(" " + file + " ").load();

        assertEquals(List.of(false), onlyNewYears);
        assertEquals(List.of(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 5, 1)), List.copyOf(stored.get(0).keySet()));
    }

    @Test
    void aBlankOperatorFileMeansTheBuiltInCalendar() {
        loader("  ").load();

        assertEquals(List.of(true), onlyNewYears);
    }

    // --- the one failure tolerated: two nodes storing the same year at once ---

    @Test
    void anotherNodeStoringTheSameYearFirstIsNoReasonToStop() {
        databaseAnswers = new TransactionalException("rolled back", new PersistenceException(
                new RuntimeException("EclipseLink's wrapper", duplicateKey())));

        loader(null).load();

        assertEquals(1, stored.size(), "the loader tried once, then went on");
    }

    @Test
    void aDuplicateKeyIsRecognisedByItsCodeAnywhereInTheCauseChain() {
        assertTrue(HolidayLoader.isDuplicateKey(duplicateKey()));
        assertTrue(HolidayLoader.isDuplicateKey(new PersistenceException(new RuntimeException(duplicateKey()))));
        assertTrue(HolidayLoader.isDuplicateKey(new SQLException("any words", "23000", 1062)),
                "the code decides, not the exception class or the message");
    }

    @Test
    void otherConstraintViolationsAreNoDuplicateKey() {
        assertFalse(HolidayLoader.isDuplicateKey(new SQLIntegrityConstraintViolationException(
                "Cannot add or update a child row: a foreign key constraint fails", "23000", 1452)));
        assertFalse(HolidayLoader.isDuplicateKey(new SQLException("Duplicate entry", "HY000", 1062)),
                "1062 counts only under SQLState 23000");
        assertFalse(HolidayLoader.isDuplicateKey(new PersistenceException("Duplicate entry '2026-01-01'")),
                "the message is never parsed");
        assertFalse(HolidayLoader.isDuplicateKey(new IllegalStateException()));
    }

    private static SQLIntegrityConstraintViolationException duplicateKey() {
        return new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private HolidayLoader loader(String operatorFile) {
        HolidayLoader loader = new HolidayLoader();
        loader.file = Optional.ofNullable(operatorFile);
        loader.calendar = new HolidayCalendar() {
            @Override
            public Imported replace(SortedMap<LocalDate, String> parsed, boolean onlyNew) {
                stored.add(parsed);
                onlyNewYears.add(onlyNew);
                if (databaseAnswers != null) {
                    throw databaseAnswers;
                }
                TreeSet<Integer> years = new TreeSet<>();
                parsed.keySet().forEach(day -> years.add(day.getYear()));
                return new Imported(years, parsed.size());
            }
        };
        return loader;
    }
}
