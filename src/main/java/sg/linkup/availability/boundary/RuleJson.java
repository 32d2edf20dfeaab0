package sg.linkup.availability.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/** An advisor's recurring availability. Times are Singapore local times. */
@Schema(name = "AvailabilityRule")
public record RuleJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true) Long advisorId,
        @NotBlank @Size(max = 500)
        @Schema(description = "RFC 5545 RRULE over days", example = "FREQ=WEEKLY;BYDAY=TU,TH") String rrule,
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
    public RuleJson(Long id, Long advisorId, String rrule, LocalTime startTime, LocalTime endTime,
                    LocalDate validFrom, LocalDate validUntil, Set<SessionMode> modes, Long officeId,
                    List<String> exceptDates, Long version) {
        this.id = id;
        this.advisorId = advisorId;
        this.rrule = rrule;
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
        return new RuleJson(rule.id(), rule.advisorId(), rule.rrule(), rule.startTime(), rule.endTime(),
                rule.validFrom(), rule.validUntil(), new TreeSet<>(rule.modes()), rule.officeId(),
                rule.exceptDates().stream().map(LocalDate::toString).toList(), rule.version());
    }

    AvailabilityRule.Schedule schedule(Office office) {
        Set<LocalDate> excepted = new TreeSet<>();
        if (exceptDates != null) {
            for (String value : exceptDates) {
                excepted.add(exceptDate(value));
            }
        }
        return new AvailabilityRule.Schedule(Recurrence.parse(rrule), startTime, endTime, validFrom, validUntil,
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
