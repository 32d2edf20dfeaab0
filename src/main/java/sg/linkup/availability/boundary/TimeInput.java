package sg.linkup.availability.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * Reads the times people type: a date ("2026-12-01", Singapore), a Singapore wall-clock time
 * ("2026-12-01T09:30") or an instant with an offset ("2026-12-01T01:30Z", "2026-12-01T09:30+08:00").
 */
final class TimeInput {

    private TimeInput() {
    }

    /** A date means the start of that Singapore day. */
    static Instant start(String field, String value) {
        return parse(field, value, false);
    }

    /** A date means the end of that Singapore day (so "to=2026-12-14" includes the 14th). */
    static Instant end(String field, String value) {
        return parse(field, value, true);
    }

    static LocalDate day(String field, String value) {
        try {
            return Clocks.plausible(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "give a date such as 2026-12-24");
        }
    }

    private static Instant parse(String field, String value, boolean dateMeansEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return Clocks.at(dateMeansEnd ? day.plusDays(1) : day, java.time.LocalTime.MIDNIGHT);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (text.matches(".*T.*[+-]\\d{4}$")) {
                // "+0800" as some systems write it: the same offset with the colon ISO 8601 prefers.
                int sign = text.length() - 5;
                return OffsetDateTime.parse(text.substring(0, sign + 3) + ":" + text.substring(sign + 3)).toInstant();
            }
            return LocalDateTime.parse(text).atZone(Clocks.SINGAPORE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "give a date (2026-12-01) or a date-time (2026-12-01T09:30, "
                    + "2026-12-01T09:30+08:00)");
        }
    }
}
