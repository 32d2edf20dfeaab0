package sg.linkup.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import sg.linkup.platform.SecretTokens;

/**
 * An advisor's calendar subscription. The token in its URL is the only key (calendar programs cannot sign in),
 * so it has 256 random bits and only its SHA-256 is stored; it works until revoked, and a new one revokes it.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "advisor_id", nullable = false, updatable = false)
    private long advisorId;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_by", nullable = false, length = 80, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CalendarFeed() {
    }

    private CalendarFeed(long advisorId, String token, String createdBy, Instant now) {
        this.advisorId = advisorId;
        this.tokenHash = hash(token);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A new feed and its token; the token is shown once and never stored. */
    public record Issued(CalendarFeed feed, String token) {
    }

    public static Issued issue(long advisorId, String createdBy, Instant now) {
        String token = SecretTokens.random256();
        return new Issued(new CalendarFeed(advisorId, token, createdBy, now), token);
    }

    public static String hash(String token) {
        return SecretTokens.sha256(token);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long id() {
        return id;
    }

    public long advisorId() {
        return advisorId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
