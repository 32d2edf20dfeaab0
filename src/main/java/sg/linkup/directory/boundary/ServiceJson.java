package sg.linkup.directory.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.ServiceName;
import sg.linkup.directory.entity.SessionMode;

/** A service; {@code agencyId} is fixed once it exists. */
@Schema(name = "Service")
public record ServiceJson(
        @Schema(readOnly = true) Long id,
        @NotNull Long agencyId,
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
        String code,
        @NotNull @Valid Names name,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @NotEmpty Set<@NotNull SessionMode> allowedModes,
        @NotNull @Min(0) @Max(120) Integer bufferBeforeMinutes,
        @NotNull @Min(0) @Max(120) Integer bufferAfterMinutes,
        @NotNull @Min(0) @Max(43200) Integer minNoticeMinutes,
        @NotNull @Min(1) @Max(365) Integer horizonDays,
        @Schema(readOnly = true) Boolean active) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public ServiceJson(Long id, Long agencyId, String code, Names name, Integer durationMinutes,
                       Set<SessionMode> allowedModes, Integer bufferBeforeMinutes, Integer bufferAfterMinutes,
                       Integer minNoticeMinutes, Integer horizonDays, Boolean active) {
        this.id = id;
        this.agencyId = agencyId;
        this.code = code;
        this.name = name;
        this.durationMinutes = durationMinutes;
        this.allowedModes = allowedModes;
        this.bufferBeforeMinutes = bufferBeforeMinutes;
        this.bufferAfterMinutes = bufferAfterMinutes;
        this.minNoticeMinutes = minNoticeMinutes;
        this.horizonDays = horizonDays;
        this.active = active;
    }

    @Schema(name = "ServiceName", description = "The name in English, Chinese, Malay and Tamil")
    public record Names(@NotBlank @Size(max = 120) String en, @NotBlank @Size(max = 120) String zh,
                        @NotBlank @Size(max = 120) String ms, @NotBlank @Size(max = 120) String ta) {
        // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
        // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
        public Names(String en, String zh, String ms, String ta) {
            this.en = en;
            this.zh = zh;
            this.ms = ms;
            this.ta = ta;
        }
    }

    static ServiceJson of(Service service) {
        ServiceName n = service.name();
        Service.Terms t = service.terms();
        return new ServiceJson(service.id(), service.agency().id(), service.code(),
                new Names(n.in(Language.EN), n.in(Language.ZH), n.in(Language.MS), n.in(Language.TA)),
                t.durationMinutes(), t.allowedModes(), t.bufferBeforeMinutes(), t.bufferAfterMinutes(),
                t.minNoticeMinutes(), t.horizonDays(), service.isActive());
    }

    Service toService(PartnerAgency agency) {
        return new Service(agency, code, names(), terms());
    }

    void applyTo(Service service) {
        service.describe(code, names(), terms());
    }

    private ServiceName names() {
        return new ServiceName(name.en(), name.zh(), name.ms(), name.ta());
    }

    private Service.Terms terms() {
        return new Service.Terms(durationMinutes, allowedModes, bufferBeforeMinutes, bufferAfterMinutes,
                minNoticeMinutes, horizonDays);
    }
}
