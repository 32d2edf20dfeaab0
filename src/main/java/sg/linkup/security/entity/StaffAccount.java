package sg.linkup.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/**
 * A person who signs in to Linkup. The password is kept only as a PBKDF2 hash; after too many failed sign-ins
 * the account locks itself for a while.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 60, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "staff_office", joinColumns = @JoinColumn(name = "staff_id"),
            inverseJoinColumns = @JoinColumn(name = "office_id"))
    private Set<Office> offices = new HashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    private PartnerAgency agency;

    @Column(name = "agency_id", insertable = false, updatable = false)
    private Long agencyId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StaffAccount() {
    }

    public StaffAccount(String username, String displayName, String passwordHash, Grant grant) {
        if (username == null || !USERNAME.matcher(username.strip().toLowerCase()).matches()) {
            throw new InvalidInput("username", "3–60 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        this.username = username.strip().toLowerCase();
        this.passwordHash = passwordHash;
        describe(displayName, grant);
    }

    /** A role with the scope it needs: offices for counter staff and supervisors, an agency for partners. */
    public record Grant(Role role, Set<Office> offices, PartnerAgency agency) {
        public Grant {
            if (role == null) {
                throw new InvalidInput("role", "is required");
            }
            offices = offices == null ? Set.of() : Set.copyOf(offices);
            if (role.isOfficeScoped() && offices.isEmpty()) {
                throw new InvalidInput("officeIds", role + " acts for at least one office");
            }
            if (!role.isOfficeScoped() && !offices.isEmpty()) {
                throw new InvalidInput("officeIds", "only COUNTER_STAFF and SUPERVISOR are scoped to offices");
            }
            if (role == Role.PARTNER && agency == null) {
                throw new InvalidInput("agencyId", "a PARTNER acts for one agency");
            }
            if (role != Role.PARTNER && agency != null) {
                throw new InvalidInput("agencyId", "only a PARTNER is scoped to an agency");
            }
        }
    }

    public final void describe(String displayName, Grant grant) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 120) {
            throw new InvalidInput("displayName", "1–120 characters");
        }
        this.displayName = Text.singleLine("displayName", displayName).strip();
        this.role = grant.role();
        this.offices.clear();
        this.offices.addAll(grant.offices());
        this.agency = grant.agency();
        this.agencyId = agency == null ? null : agency.id();
    }

    /** The rules a new password must meet before it is hashed; length beats composition rules (NIST 800-63B). */
    public static void checkNewPassword(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new InvalidInput("password", "at most 200 characters");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidInput("password", "must not contain the username");
        }
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether a correct password would be accepted now. */
    public boolean maySignInAt(Instant now) {
        return enabled && !isLockedAt(now);
    }

    /** A wrong password: after {@code maxFailures} in a row the account locks for {@code lockFor}. */
    public void recordFailedSignIn(Instant now, int maxFailures, Duration lockFor) {
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    public void recordSignIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Set<Long> officeIds() {
        Set<Long> ids = new TreeSet<>();
        offices.forEach(o -> ids.add(o.id()));
        return ids;
    }

    public Long agencyId() {
        return agencyId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public long version() {
        return version;
    }
}
