package sg.linkup.availability.entity;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sg.linkup.platform.InvalidInput;

/**
 * "Mondays and Wednesdays, every 2 weeks": the repeat a partner picks in the availability editor, and the RRULE it
 * stands for ({@code FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2}). People choose days and a number; only this class writes
 * or reads the RRULE for them. Weeks are counted from the rule's first valid day (the RRULE's seed).
 */
public record WeeklyPattern(Set<DayOfWeek> days, int everyWeeks) {

    public static final int MOST_WEEKS = 52;

    private static final Map<DayOfWeek, String> CODES = new EnumMap<>(Map.of(
            DayOfWeek.MONDAY, "MO", DayOfWeek.TUESDAY, "TU", DayOfWeek.WEDNESDAY, "WE", DayOfWeek.THURSDAY, "TH",
            DayOfWeek.FRIDAY, "FR", DayOfWeek.SATURDAY, "SA", DayOfWeek.SUNDAY, "SU"));
    private static final Pattern PLAIN_DAYS = Pattern.compile("(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*");

    /** Days in week order (Monday first), each once. */
    public WeeklyPattern {
        if (days == null || days.isEmpty() || days.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("weekdays", "choose at least one day of the week");
        }
        if (everyWeeks < 1 || everyWeeks > MOST_WEEKS) {
            throw new InvalidInput("everyWeeks", "must be between 1 (every week) and " + MOST_WEEKS);
        }
        days = java.util.Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** From what a form sends: days in any order, repeats allowed; null days or weeks are refused like empty ones. */
    public static WeeklyPattern of(Collection<DayOfWeek> days, Integer everyWeeks) {
        if (days == null || days.isEmpty() || days.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("weekdays", "choose at least one day of the week");
        }
        if (everyWeeks == null) {
            throw new InvalidInput("everyWeeks", "must be between 1 (every week) and " + MOST_WEEKS);
        }
        return new WeeklyPattern(EnumSet.copyOf(days), everyWeeks);
    }

    /**
     * The pattern an RRULE stands for, when it is a plain weekly one: FREQ=WEEKLY with BYDAY (plain days, no "1MO")
     * and at most INTERVAL besides, INTERVAL up to {@value #MOST_WEEKS}. Anything else (MONTHLY, BYSETPOS, COUNT, UNTIL,
     * WKST…) has no place in the form and is shown as it is.
     */
    public static Optional<WeeklyPattern> of(Recurrence recurrence) {
        return recurrence == null ? Optional.empty() : of(recurrence.toString());
    }

    static Optional<WeeklyPattern> of(String rrule) {
        String text = rrule.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring("RRULE:".length());
        }
        String frequency = null;
        String byDay = null;
        Integer interval = null;
        for (String part : text.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            String name = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (name) {
                case "FREQ" -> frequency = value;
                case "BYDAY" -> byDay = value;
                case "INTERVAL" -> {
                    if (!value.matches("\\d{1,3}")) {
                        return Optional.empty();
                    }
                    interval = Integer.valueOf(value);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (!"WEEKLY".equals(frequency) || byDay == null || !PLAIN_DAYS.matcher(byDay).matches()) {
            return Optional.empty();
        }
        int weeks = interval == null ? 1 : interval;
        if (weeks < 1 || weeks > MOST_WEEKS) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : byDay.split(",")) {
            CODES.forEach((day, c) -> {
                if (c.equals(code)) {
                    days.add(day);
                }
            });
        }
        return Optional.of(new WeeklyPattern(days, weeks));
    }

    /** "FREQ=WEEKLY;BYDAY=MO,WE" or, every other week, "FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2". */
    public String toRrule() {
        String byDay = days.stream().map(CODES::get).collect(Collectors.joining(","));
        return "FREQ=WEEKLY;BYDAY=" + byDay + (everyWeeks == 1 ? "" : ";INTERVAL=" + everyWeeks);
    }

    public Recurrence recurrence() {
        return Recurrence.parse(toRrule());
    }

    /** The days in week order, as the API shows them. */
    public List<DayOfWeek> weekdays() {
        return List.copyOf(days);
    }
}
