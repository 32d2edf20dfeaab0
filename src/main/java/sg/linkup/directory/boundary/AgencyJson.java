package sg.linkup.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.InvalidInput;

/** A partner agency. Omit {@code sensitive} to take the domain's default (legal and family: always). */
@Schema(name = "PartnerAgency")
public record AgencyJson(
        @Schema(readOnly = true) Long id,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
        String code,
        @NotBlank @Size(max = 160) String name,
        @NotNull AgencyDomain domain,
        Boolean sensitive,
        @NotBlank @Size(max = 255) String baseAddress,
        @NotNull Double baseLatitude,
        @NotNull Double baseLongitude,
        @Schema(readOnly = true) Boolean active) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public AgencyJson(Long id, String code, String name, AgencyDomain domain, Boolean sensitive, String baseAddress,
                      Double baseLatitude, Double baseLongitude, Boolean active) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.domain = domain;
        this.sensitive = sensitive;
        this.baseAddress = baseAddress;
        this.baseLatitude = baseLatitude;
        this.baseLongitude = baseLongitude;
        this.active = active;
    }

    static AgencyJson of(PartnerAgency agency) {
        return new AgencyJson(agency.id(), agency.code(), agency.name(), agency.domain(), agency.isSensitive(),
                agency.baseAddress(), agency.baseLocation().latitude(), agency.baseLocation().longitude(),
                agency.isActive());
    }

    PartnerAgency toAgency() {
        return new PartnerAgency(code, name, domain, sensitive, baseAddress, baseLocation());
    }

    void applyTo(PartnerAgency agency) {
        agency.describe(code, name, domain, sensitive, baseAddress, baseLocation());
    }

    private Coordinates baseLocation() {
        try {
            return new Coordinates(baseLatitude, baseLongitude);
        } catch (InvalidInput e) {
            throw e.at(e.violations().get(0).field().equals("latitude") ? "baseLatitude" : "baseLongitude");
        }
    }
}
