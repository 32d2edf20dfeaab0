package sg.linkup.client.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PartialNric;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Language;

/**
 * A client. {@code mobile} may be typed as people do ("9123 4567"); it is returned in E.164.
 * {@code partialNric} is the last three digits and letter only — a full NRIC is refused.
 */
@Schema(name = "Client")
public record ClientJson(
        @Schema(readOnly = true) Long id,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 30) String mobile,
        @NotNull Language preferredLanguage,
        @Email @Size(max = 254) String email,
        @NotNull Boolean smsConsent,
        @Size(max = 20) @Schema(example = "567D") String partialNric,
        @NotNull @Schema(description = "the SSO that looks after the client") Long officeId,
        @Schema(readOnly = true) Boolean active,
        @Schema(readOnly = true) Instant registeredAt,
        @Schema(readOnly = true, description = "why texts stopped reaching the client (a wrong number, STOP); "
                + "cleared when the mobile is corrected or the client replies START") Client.SmsProblem smsProblem,
        @Schema(readOnly = true) Instant smsProblemAt,
        @Schema(readOnly = true, description = "when the retention sweep removed name, mobile, e-mail and partial "
                + "NRIC after a long time without a session (README, Retention); they are null from then on")
        Instant anonymisedAt) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public ClientJson(Long id, String name, String mobile, Language preferredLanguage, String email,
                      Boolean smsConsent, String partialNric, Long officeId, Boolean active,
                      Instant registeredAt, Client.SmsProblem smsProblem, Instant smsProblemAt,
                      Instant anonymisedAt) {
        this.id = id;
        this.name = name;
        this.mobile = mobile;
        this.preferredLanguage = preferredLanguage;
        this.email = email;
        this.smsConsent = smsConsent;
        this.partialNric = partialNric;
        this.officeId = officeId;
        this.active = active;
        this.registeredAt = registeredAt;
        this.smsProblem = smsProblem;
        this.smsProblemAt = smsProblemAt;
        this.anonymisedAt = anonymisedAt;
    }

    static ClientJson of(Client client) {
        return new ClientJson(client.id(), client.name(), client.mobile() == null ? null : client.mobile().e164(),
                client.preferredLanguage(), client.email(), client.smsConsent(),
                client.partialNric() == null ? null : client.partialNric().value(),
                client.officeId(), client.isActive(), client.registeredAt(), client.smsProblem(),
                client.smsProblemAt(), client.anonymisedAt());
    }

    public Client.Contact contact() {
        return new Client.Contact(name, PhoneNumber.parse(mobile), preferredLanguage, email, smsConsent,
                partialNric == null || partialNric.isBlank() ? null : PartialNric.parse(partialNric));
    }
}
