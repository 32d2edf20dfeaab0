package sg.linkup.availability.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * An RFC 5545 RRULE over whole days ("FREQ=WEEKLY;BYDAY=TU,TH"), parsed and expanded by iCal4j. Times of day
 * live on the rule, so this only answers "on which Singapore dates?".
 */
public final class Recurrence {

    private static final Pattern UNTIL_DATE_TIME = Pattern.compile("UNTIL=(\\d{8}T\\d{6}Z?)");
    private static final DateTimeFormatter BASIC_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX");
    private static final DateTimeFormatter BASIC_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** Parsed rules by their text: every slot search reads the same few dozen rules again. */
    private static final Map<String, Recurrence> PARSED = new ConcurrentHashMap<>();
    private static final int MOST_PARSED = 4096;
    private static final int MOST_SPANS = 128;

    private final String text;
    private final Recur<LocalDate> recur;
    /** Expansions by (re-based seed, first, last): counters search the same fortnight all day. */
    private final Map<Span, List<LocalDate>> expanded = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Span, List<LocalDate>> eldest) {
            return size() > MOST_SPANS;
        }
    };

    private record Span(LocalDate seed, LocalDate first, LocalDate last) {
    }

    private Recurrence(String text, Recur<LocalDate> recur) {
        this.text = text;
        this.recur = recur;
    }

    /** Accepts the rule with or without the "RRULE:" prefix; an UNTIL with a time becomes its Singapore date. */
    public static Recurrence parse(String rrule) {
        Recurrence known = rrule == null ? null : PARSED.get(rrule);
        if (known != null) {
            return known;
        }
        Recurrence parsed = parseNew(rrule);
        if (PARSED.size() >= MOST_PARSED) {
            PARSED.clear();
        }
        PARSED.put(rrule, parsed);
        return parsed;
    }

    private static Recurrence parseNew(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            throw new InvalidInput("rrule", "give a recurrence such as FREQ=WEEKLY;BYDAY=TU,TH");
        }
        String text = rrule.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring("RRULE:".length());
        }
        text = untilAsDate(text);
        Recur<LocalDate> recur;
        try {
            recur = new Recur<>(text);
        } catch (RuntimeException e) {
            throw new InvalidInput("rrule", "not a valid RFC 5545 RRULE: " + e.getMessage());
        }
        if (recur.getFrequency() == null) {
            throw new InvalidInput("rrule", "FREQ is required");
        }
        if (text.contains("COUNT=") && recur.getCount() < 1) {
            throw new InvalidInput("rrule", "COUNT must be 1 or more");
        }
        if (text.contains("INTERVAL=") && recur.getInterval() < 1) {
            throw new InvalidInput("rrule", "INTERVAL must be 1 or more");
        }
        if (text.contains("COUNT=") && text.contains("UNTIL=")) {
            throw new InvalidInput("rrule", "give COUNT or UNTIL, not both (RFC 5545)");
        }
        if (recur.getFrequency().compareTo(Frequency.DAILY) < 0
                || !recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty()
                || !recur.getSecondList().isEmpty()) {
            throw new InvalidInput("rrule", "repeat by days (DAILY, WEEKLY, MONTHLY, YEARLY); "
                    + "the times of day are startTime and endTime");
        }
        return new Recurrence(text, recur);
    }

    private static String untilAsDate(String text) {
        Matcher m = UNTIL_DATE_TIME.matcher(text);
        if (!m.find()) {
            return text;
        }
        String value = m.group(1);
        try {
            LocalDate day = value.endsWith("Z")
                    ? Instant.from(BASIC_UTC.parse(value)).atZone(Clocks.SINGAPORE).toLocalDate()
                    : java.time.LocalDateTime.parse(value, BASIC_LOCAL).toLocalDate();
            return m.replaceFirst("UNTIL=" + day.format(DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("rrule", "UNTIL is not a valid date or date-time");
        }
    }

    /**
     * The dates in [from, to] (both included) on which a series that started on {@code seed} occurs. Without
     * COUNT a daily or weekly series is re-seeded close to the window (by whole periods, which keeps its
     * phase), so expanding next fortnight costs the same for a rule that began years ago.
     */
    public List<LocalDate> dates(LocalDate seed, LocalDate from, LocalDate to) {
        Objects.requireNonNull(seed, "seed");
        if (to.isBefore(from) || to.isBefore(seed)) {
            return List.of();
        }
        LocalDate start = from.isBefore(seed) ? seed : from;
        Span span = new Span(rebase(seed, start), start, to);
        synchronized (expanded) {
            return expanded.computeIfAbsent(span, s -> recur.getDates(s.seed(), s.first(), s.last().plusDays(1))
                    .stream()
                    .filter(d -> !d.isBefore(s.first()) && !d.isAfter(s.last()))
                    .toList());
        }
    }

    private LocalDate rebase(LocalDate seed, LocalDate from) {
        if (recur.getCount() > 0) {
            return seed;
        }
        long periodDays = switch (recur.getFrequency()) {
            case DAILY -> Math.max(1, recur.getInterval());
            case WEEKLY -> 7L * Math.max(1, recur.getInterval());
            default -> 0;
        };
        if (periodDays == 0) {
            return seed;
        }
        long periods = ChronoUnit.DAYS.between(seed, from) / periodDays - 1;
        return periods > 0 ? seed.plusDays(periods * periodDays) : seed;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recurrence r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
