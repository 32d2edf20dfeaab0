package sg.linkup.availability.boundary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.SessionMode;

/**
 * What an unsaved availability rule would do: the sessions the advisor would have open, day by day over the next
 * two weeks (after holidays, closures, blackouts and bookings, as slot search finds them), and the first clash with
 * another of the advisor's rules, which saving would refuse.
 */
@Schema(name = "AvailabilityRulePreview")
public record RulePreviewJson(
        @Schema(description = "the service whose length, buffers, notice and modes the sessions follow; null when "
                + "the advisor offers no active service") SlotJson.Ref service,
        @Schema(description = "minutes per session of that service") Integer durationMinutes,
        List<Day> days,
        @Schema(description = "null when the rule overlaps none of the advisor's other rules") Clash clash,
        @Schema(description = "true when more sessions exist than the preview lists") boolean truncated) {

    /** One Singapore date, with the sessions open on it (none: an empty list). */
    @Schema(name = "AvailabilityRulePreviewDay")
    public record Day(LocalDate date, List<Session> sessions) {
    }

    /**
     * One start time and mode. Video sessions are listed once per start at the first SSO searched, which names
     * where the client would sit; {@code thisRule} marks the sessions the edited rule itself opens.
     */
    @Schema(name = "AvailabilityRulePreviewSession")
    public record Session(OffsetDateTime start, OffsetDateTime end, SessionMode mode, SlotJson.Ref office,
                          boolean thisRule) {
    }

    /** The other rule in the way, and the first date they overlap. */
    @Schema(name = "AvailabilityRuleClash")
    public record Clash(long ruleId, LocalDate date, String rrule, List<DayOfWeek> weekdays, Integer everyWeeks,
                        LocalTime startTime, LocalTime endTime) {
    }
}
