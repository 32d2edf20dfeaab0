package sg.linkup.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.SecretTokens;
import sg.linkup.platform.Text;

/**
 * A partner agency's key for its own systems (pushing availability, reading its bookings). The token has 256
 * random bits, so a plain SHA-256 is enough to store it: unlike a password it cannot be guessed from a list.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** Tokens start with this, so that scanners (and people) recognise a leaked one. */
    public static final String PREFIX = "lk_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private PartnerAgency agency;

    @Column(name = "agency_id", insertable = false, updatable = false)
    private Long agencyId;

    @Column(name = "name", nullable = false, length = 80)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, length = 12, updatable = false)
    private String tokenPrefix;

    @Column(name = "issued_by", nullable = false, length = 60, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    private ApiToken(PartnerAgency agency, String name, String token, String issuedBy, Instant now) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new InvalidInput("name", "1–80 characters, e.g. the system that will use it");
        }
        this.agency = agency;
        this.agencyId = agency.id();
        this.name = Text.singleLine("name", name).strip();
        this.tokenHash = hash(token);
        this.tokenPrefix = token.substring(0, PREFIX.length() + 6);
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    /** A new token and the secret that goes with it; the secret is not kept and cannot be shown again. */
    public record Issued(ApiToken token, String secret) {
    }

    public static Issued issue(PartnerAgency agency, String name, String issuedBy, Instant now) {
        String secret = PREFIX + SecretTokens.random256();
        return new Issued(new ApiToken(agency, name, secret, issuedBy, now), secret);
    }

    public static String hash(String token) {
        return SecretTokens.sha256(token);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null || revokedAt.isAfter(now);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Long agencyId() {
        return agencyId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return tokenPrefix;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
