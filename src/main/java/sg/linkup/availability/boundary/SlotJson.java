package sg.linkup.availability.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch.Found;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/** A bookable session, in Singapore time, with the advisor and room suggested for it. */
@Schema(name = "Slot")
public record SlotJson(OffsetDateTime start, OffsetDateTime end, SessionMode mode, Ref office, Ref advisor,
                       @Schema(description = "null for VIDEO_REMOTE") Ref room,
                       @Schema(description = "every free advisor and room, when candidates=true") Candidates candidates) {

    @Schema(name = "SlotRef")
    public record Ref(long id, String name) {
    }

    @Schema(name = "SlotCandidates")
    public record Candidates(List<Ref> advisors, List<Ref> rooms) {
    }

    /** The answer to a search: the window actually searched, the grid, and the slots in order. */
    @Schema(name = "SlotSearchResult")
    public record Result(OffsetDateTime from, OffsetDateTime to, int gridMinutes, List<SlotJson> slots) {
        static Result of(Found found, boolean withCandidates) {
            return new Result(shown(found.window().start()), shown(found.window().end()), found.gridMinutes(),
                    found.slots().stream().map(slot -> SlotJson.of(slot, found, withCandidates)).toList());
        }
    }

    public static SlotJson of(Slot slot, Found found, boolean withCandidates) {
        var office = found.offices().get(slot.officeId());
        return new SlotJson(shown(slot.session().start()), shown(slot.session().end()), slot.mode(),
                new Ref(office.id(), office.name()),
                new Ref(slot.advisorId(), found.advisorNames().get(slot.advisorId())),
                slot.roomId() == null ? null : new Ref(slot.roomId(), found.roomNames().get(slot.roomId())),
                withCandidates ? new Candidates(
                        slot.advisorIds().stream().map(id -> new Ref(id, found.advisorNames().get(id))).toList(),
                        slot.roomIds().stream().map(id -> new Ref(id, found.roomNames().get(id))).toList())
                        : null);
    }

    private static OffsetDateTime shown(Instant instant) {
        return instant.atZone(Clocks.SINGAPORE).toOffsetDateTime();
    }
}
