package sg.linkup.security.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.security.entity.Role;
import sg.linkup.security.entity.StaffAccount;

/** A staff account. {@code password} is only ever sent, never returned. */
@Schema(name = "StaffAccount")
public record StaffJson(
        @Schema(readOnly = true) Long id,
        @NotBlank @Size(max = 60) String username,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @Size(max = 24) Set<@NotNull Long> officeIds,
        Long agencyId,
        @Size(max = 200) @Schema(writeOnly = true, format = "password",
                description = "required when creating; at least 12 characters") String password,
        @Schema(readOnly = true) Boolean enabled,
        @Schema(readOnly = true) Instant lockedUntil,
        @Schema(readOnly = true) Instant lastSignInAt) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public StaffJson(Long id, String username, String displayName, Role role, Set<Long> officeIds, Long agencyId,
                     String password, Boolean enabled, Instant lockedUntil, Instant lastSignInAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.officeIds = officeIds;
        this.agencyId = agencyId;
        this.password = password;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.lastSignInAt = lastSignInAt;
    }

    static StaffJson of(StaffAccount account) {
        return new StaffJson(account.id(), account.username(), account.displayName(), account.role(),
                account.officeIds(), account.agencyId(), null, account.isEnabled(), account.lockedUntil(),
                account.lastSignInAt());
    }

    /** For the audit trail: what an account is, without anything secret. */
    static String describe(StaffAccount account) {
        return account.role() + " " + account.officeIds() + (account.agencyId() == null ? "" : " agency "
                + account.agencyId()) + (account.isEnabled() ? "" : " disabled");
    }

    @Override
    public String toString() {
        return "StaffJson[username=" + username + ", role=" + role + ", password=****]";
    }
}
