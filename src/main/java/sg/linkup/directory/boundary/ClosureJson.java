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
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public ClosureJson(Long id, LocalDate firstDay, LocalDate lastDay, String reason) {
        this.id = id;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = reason;
    }

    static ClosureJson of(OfficeClosure closure) {
        return new ClosureJson(closure.id(), closure.firstDay(), closure.lastDay(), closure.reason());
    }
}
