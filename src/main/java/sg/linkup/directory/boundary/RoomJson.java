package sg.linkup.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.Room;
import sg.linkup.directory.entity.RoomKind;

/** A room; {@code officeId} is fixed once the room exists. */
@Schema(name = "Room")
public record RoomJson(
        @Schema(readOnly = true) Long id,
        @NotNull Long officeId,
        @NotBlank @Size(max = 60) String name,
        @NotNull RoomKind kind,
        @Schema(readOnly = true) Boolean active) {

    static RoomJson of(Room room) {
        return new RoomJson(room.id(), room.office().id(), room.name(), room.kind(), room.isActive());
    }
}
