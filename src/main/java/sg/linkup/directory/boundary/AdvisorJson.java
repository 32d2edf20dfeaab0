package sg.linkup.directory.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Service;

/** An advisor; {@code agencyId} is fixed once the advisor exists. */
@Schema(name = "Advisor")
public record AdvisorJson(
        @Schema(readOnly = true) Long id,
        @NotNull Long agencyId,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty Set<@NotNull Language> languages,
        @NotNull @Size(max = 100) List<@NotNull Long> serviceIds,
        @Schema(readOnly = true) Boolean active) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public AdvisorJson(Long id, Long agencyId, String displayName, String email, Set<Language> languages,
                       List<Long> serviceIds, Boolean active) {
        this.id = id;
        this.agencyId = agencyId;
        this.displayName = displayName;
        this.email = email;
        this.languages = languages;
        this.serviceIds = serviceIds;
        this.active = active;
    }

    static AdvisorJson of(Advisor advisor) {
        List<Long> serviceIds = advisor.services().stream().map(Service::id).sorted(Comparator.naturalOrder()).toList();
        return new AdvisorJson(advisor.id(), advisor.agency().id(), advisor.displayName(), advisor.email(),
                advisor.languages(), serviceIds, advisor.isActive());
    }
}
