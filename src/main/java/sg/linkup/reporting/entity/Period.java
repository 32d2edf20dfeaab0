package sg.linkup.reporting.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How reports cut time, in Singapore dates: calendar months, or weeks (Monday to Sunday) <b>cut at month ends</b>
 * — a week that spans two months is two periods, its part in each month. Weeks then add up to months exactly, so
 * one "&lt; 5" pattern can hold for weekly and monthly figures together (otherwise a month minus its whole weeks
 * gives the days at its ends, and the chain of months and straddling weeks gives every part: SuppressionCube).
 */
public enum Period {
    MONTH('M'), WEEK('W');

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final char code;

    Period(char code) {
        this.code = code;
    }

    /** What report_cell.period_kind holds. */
    public String code() {
        return String.valueOf(code);
    }

    public LocalDate startOf(LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        if (this == MONTH) {
            return month;
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.isBefore(month) ? month : monday;
    }

    public LocalDate next(LocalDate start) {
        LocalDate nextMonth = start.withDayOfMonth(1).plusMonths(1);
        if (this == MONTH) {
            return nextMonth;
        }
        LocalDate nextMonday = start.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return nextMonday.isAfter(nextMonth) ? nextMonth : nextMonday;
    }

    public LocalDate endOf(LocalDate start) {
        return next(start).minusDays(1);
    }

    /** The starts of every period touching [from, to]. */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate s = startOf(from); !s.isAfter(to); s = next(s)) {
            starts.add(s);
        }
        return starts;
    }

    /**
     * A key that sorts: 2026-03 for a month, 2026-W09 for an ISO week, and 2026-W05b for the part of a week that
     * starts on the first of a month (its first part keeps the plain key).
     */
    public String key(LocalDate start) {
        if (this == MONTH) {
            return start.toString().substring(0, 7);
        }
        return String.format(Locale.ROOT, "%d-W%02d%s", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), cutAtStart(start) ? "b" : "");
    }

    public String label(LocalDate start) {
        if (this == MONTH) {
            return MONTH_LABEL.format(start);
        }
        LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = endOf(start);
        String week = "Week of " + DAY_LABEL.format(monday);
        if (cutAtStart(start)) {
            return week + ", from " + SHORT_DAY_LABEL.format(start);
        }
        return end.getDayOfWeek() == DayOfWeek.SUNDAY ? week : week + ", to " + SHORT_DAY_LABEL.format(end);
    }

    /** Whether this week's period starts on the first of a month that is not a Monday: the week's second part. */
    public boolean cutAtStart(LocalDate start) {
        return this == WEEK && start.getDayOfMonth() == 1 && start.getDayOfWeek() != DayOfWeek.MONDAY;
    }

    /** How many whole ones make a year, for a yearly reference figure cut per period (a cut week counts whole). */
    public double perYear() {
        return this == MONTH ? 12 : 365.2425 / 7;
    }
}
