package sg.linkup.availability.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.availability.control.Blackouts;
import sg.linkup.availability.entity.Blackout;
import sg.linkup.availability.entity.Occupancy;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

/**
 * An advisor's leave or an agency's closure. {@code start} and {@code end} take a date (a date as end means
 * the end of that day), a Singapore date-time or a date-time with an offset; they are shown in Singapore time.
 */
@Schema(name = "Blackout")
public record BlackoutJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true) Long agencyId,
        @Schema(readOnly = true, description = "null for an agency-wide closure") Long advisorId,
        @NotBlank @Schema(example = "2026-12-21") String start,
        @NotBlank @Schema(example = "2026-12-24") String end,
        @NotBlank @Size(max = 200) String reason,
        @Schema(readOnly = true, description = "existing bookings and live holds this blackout collides with")
        List<Collision> collisions) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public BlackoutJson(Long id, Long agencyId, Long advisorId, String start, String end, String reason,
                        List<Collision> collisions) {
        this.id = id;
        this.agencyId = agencyId;
        this.advisorId = advisorId;
        this.start = start;
        this.end = end;
        this.reason = reason;
        this.collisions = collisions;
    }

    /**
     * A booking (or hold) of the advisor that overlaps the blackout, with the time it occupies, and where to find
     * the slots it could move to (same advisor first) — or cancel it with {@code POST /api/bookings/{id}/cancel}.
     */
    @Schema(name = "BlackoutCollision")
    public record Collision(long bookingId, long advisorId, OffsetDateTime start, OffsetDateTime end,
                            boolean hold, String alternatives) {
        static Collision of(Occupancy occupancy) {
            return new Collision(occupancy.bookingId(), occupancy.resourceId(),
                    shown(occupancy.range().start()), shown(occupancy.range().end()), occupancy.expiresAt() != null,
                    "/api/bookings/" + occupancy.bookingId() + "/alternatives");
        }
    }

    static BlackoutJson of(Blackout blackout) {
        return of(new Blackouts.Impact(blackout, List.of()));
    }

    static BlackoutJson of(Blackouts.Impact impact) {
        Blackout blackout = impact.blackout();
        return new BlackoutJson(blackout.id(), blackout.agencyId(), blackout.advisorId(),
                shown(blackout.range().start()).toString(), shown(blackout.range().end()).toString(),
                blackout.reason(), impact.collisions().stream().map(Collision::of).toList());
    }

    TimeRange range() {
        var from = TimeInput.start("start", start);
        var to = TimeInput.end("end", end);
        if (!to.isAfter(from)) {
            throw new InvalidInput("end", "must be after start");
        }
        return new TimeRange(from, to);
    }

    private static OffsetDateTime shown(java.time.Instant instant) {
        return instant.atZone(Clocks.SINGAPORE).toOffsetDateTime();
    }
}
