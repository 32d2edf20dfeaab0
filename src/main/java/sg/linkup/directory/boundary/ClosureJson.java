package sg.linkup.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.OfficeClosure;

/** Days an office is closed, both ends included. */
@Schema(name = "OfficeClosure")
public record ClosureJson(
        @Schema(readOnly = true) Long id,
        @NotNull LocalDate firstDay,
        @NotNull LocalDate lastDay,
        @NotBlank @Size(max = 200) String reason) {

    static ClosureJson of(OfficeClosure closure) {
        return new ClosureJson(closure.id(), closure.firstDay(), closure.lastDay(), closure.reason());
    }
}
