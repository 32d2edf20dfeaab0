package sg.linkup.directory.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;

/** An office as the API reads and writes it. {@code id} and {@code active} are ignored on input. */
@Schema(name = "Office")
public record OfficeJson(
        @Schema(readOnly = true) Long id,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
        String code,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 255) String address,
        @NotNull @Pattern(regexp = "\\d{6}", message = "a Singapore postal code has six digits") String postalCode,
        @NotNull Double latitude,
        @NotNull Double longitude,
        @NotNull @Size(max = 28) List<@NotNull @Valid Hours> openingHours,
        @Schema(readOnly = true) Boolean active) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public OfficeJson(Long id, String code, String name, String address, String postalCode, Double latitude,
                      Double longitude, List<Hours> openingHours, Boolean active) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.address = address;
        this.postalCode = postalCode;
        this.latitude = latitude;
        this.longitude = longitude;
        this.openingHours = openingHours;
        this.active = active;
    }

    /** Opening hours in Singapore time, e.g. {"day":"MONDAY","opens":"08:30","closes":"17:30"}. */
    @Schema(name = "OpeningHours")
    public record Hours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
        // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
        // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
        public Hours(DayOfWeek day, LocalTime opens, LocalTime closes) {
            this.day = day;
            this.opens = opens;
            this.closes = closes;
        }
    }

    static OfficeJson of(Office office) {
        return new OfficeJson(office.id(), office.code(), office.name(), office.address(), office.postalCode(),
                office.location().latitude(), office.location().longitude(),
                office.openingHours().stream().map(h -> new Hours(h.day(), h.opens(), h.closes())).toList(),
                office.isActive());
    }

    Office toOffice() {
        return new Office(code, name, address, postalCode, coordinates(), hours());
    }

    void applyTo(Office office) {
        office.describe(code, name, address, postalCode, coordinates());
        office.replaceOpeningHours(hours());
    }

    private Coordinates coordinates() {
        return new Coordinates(latitude, longitude);
    }

    private List<OpeningHours> hours() {
        return openingHours.stream().map(h -> new OpeningHours(h.day(), h.opens(), h.closes())).toList();
    }
}
