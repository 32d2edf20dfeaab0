package sg.linkup.availability.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.WeeklyPattern;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * An advisor's recurring availability. Times are Singapore local times. The repeat is given either as an RRULE or,
 * as the screens do, as days of the week and every how many weeks ({@link WeeklyPattern}); answers carry both when
 * the RRULE is such a plain weekly one.
 */
@Schema(name = "AvailabilityRule")
public record RuleJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true) Long advisorId,
        @Size(max = 500)
        @Schema(description = "RFC 5545 RRULE over days. In a request give it, or weekdays (with everyWeeks), "
                + "not both; answers always carry it", example = "FREQ=WEEKLY;BYDAY=TU,TH") String rrule,
        @Size(max = 7)
        @Schema(description = "the days of a weekly repeat, instead of rrule; in answers only when the rrule is a "
                + "plain weekly one (FREQ=WEEKLY, BYDAY of plain days, INTERVAL at most)",
                example = "[\"TUESDAY\", \"THURSDAY\"]") List<DayOfWeek> weekdays,
        @Schema(description = "with weekdays: 1 every week, 2 every other week (counted from validFrom), up to "
                + WeeklyPattern.MOST_WEEKS + "; default 1", example = "1", minimum = "1", maximum = "52")
        Integer everyWeeks,
        @NotNull @Schema(example = "09:00") LocalTime startTime,
        @NotNull @Schema(example = "12:00") LocalTime endTime,
        @NotNull LocalDate validFrom,
        LocalDate validUntil,
        @NotEmpty Set<@NotNull SessionMode> modes,
        @Schema(description = "the SSO where the advisor sits; required exactly when modes has IN_PERSON")
        Long officeId,
        @Size(max = 366)
        @Schema(description = "EXDATEs: dates (2026-12-24) or start date-times with an offset, which count on "
                + "their Singapore date") List<@NotBlank String> exceptDates,
        @Schema(readOnly = true) Long version) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public RuleJson(Long id, Long advisorId, String rrule, List<DayOfWeek> weekdays, Integer everyWeeks,
                    LocalTime startTime, LocalTime endTime, LocalDate validFrom, LocalDate validUntil,
                    Set<SessionMode> modes, Long officeId, List<String> exceptDates, Long version) {
        this.id = id;
        this.advisorId = advisorId;
        this.rrule = rrule;
        this.weekdays = weekdays;
        this.everyWeeks = everyWeeks;
        this.startTime = startTime;
        this.endTime = endTime;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.modes = modes;
        this.officeId = officeId;
        this.exceptDates = exceptDates;
        this.version = version;
    }

    static RuleJson of(AvailabilityRule rule) {
        var pattern = WeeklyPattern.of(Recurrence.parse(rule.rrule()));
        return new RuleJson(rule.id(), rule.advisorId(), rule.rrule(),
                pattern.map(WeeklyPattern::weekdays).orElse(null), pattern.map(WeeklyPattern::everyWeeks).orElse(null),
                rule.startTime(), rule.endTime(), rule.validFrom(), rule.validUntil(), new TreeSet<>(rule.modes()),
                rule.officeId(), rule.exceptDates().stream().map(LocalDate::toString).toList(), rule.version());
    }

    /**
     * The repeat the request names: its RRULE, or its weekly pattern — exactly one of them, so that nobody wonders
     * which of two disagreeing repeats was kept.
     */
    Recurrence recurrence() {
        boolean byRule = rrule != null && !rrule.isBlank();
        boolean byPattern = weekdays != null || everyWeeks != null;
        if (byRule && byPattern) {
            throw new InvalidInput("rrule", "give the repeat either as rrule or as weekdays with everyWeeks, not both");
        }
        if (!byRule && !byPattern) {
            throw new InvalidInput("weekdays", "choose at least one day of the week (or give an rrule)");
        }
        if (byRule) {
            return Recurrence.parse(rrule);
        }
        return WeeklyPattern.of(weekdays, everyWeeks == null ? 1 : everyWeeks).recurrence();
    }

    AvailabilityRule.Schedule schedule(Office office) {
        Set<LocalDate> excepted = new TreeSet<>();
        if (exceptDates != null) {
            for (String value : exceptDates) {
                excepted.add(exceptDate(value));
            }
        }
        return new AvailabilityRule.Schedule(recurrence(), startTime, endTime, validFrom, validUntil,
                modes, office, excepted);
    }

    private static LocalDate exceptDate(String value) {
        String text = value.strip();
        if (text.length() == 10) {
            return TimeInput.day("exceptDates", text);
        }
        return Clocks.dateIn(TimeInput.start("exceptDates", text));
    }
}
