package sg.linkup.reporting.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How reports cut time: calendar months, or ISO weeks (Monday to Sunday), in Singapore dates. */
public enum Period {
    MONTH('M'), WEEK('W');

    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final char code;

    Period(char code) {
        this.code = code;
    }

    /** What report_cell.period_kind holds. */
    public String code() {
        return String.valueOf(code);
    }

    public LocalDate startOf(LocalDate day) {
        return this == MONTH ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate next(LocalDate start) {
        return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
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

    /** A key that sorts: 2026-03 for a month, 2026-W09 for an ISO week. */
    public String key(LocalDate start) {
        return this == MONTH ? start.toString().substring(0, 7)
                : String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public String label(LocalDate start) {
        return this == MONTH ? MONTH_LABEL.format(start) : "Week of " + DAY_LABEL.format(start);
    }

    /** How many of these make a year, for a yearly reference figure cut per period. */
    public double perYear() {
        return this == MONTH ? 12 : 365.2425 / 7;
    }
}
