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
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public RoomJson(Long id, Long officeId, String name, RoomKind kind, Boolean active) {
        this.id = id;
        this.officeId = officeId;
        this.name = name;
        this.kind = kind;
        this.active = active;
    }

    static RoomJson of(Room room) {
        return new RoomJson(room.id(), room.office().id(), room.name(), room.kind(), room.isActive());
    }
}
