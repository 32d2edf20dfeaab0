package sg.linkup.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit trail. Immutable: it has no setters, and only the retention sweep deletes it, once it is
 * older than {@code linkup.retention.audit-days}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final int DETAIL_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 80, updatable = false)
    private String actor;

    @Column(name = "role", length = 20, updatable = false)
    private String role;

    @Column(name = "scope", length = 255, updatable = false)
    private String scope;

    @Column(name = "action", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "subject_type", length = 40, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(name = "detail", length = DETAIL_LENGTH, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Actor actor, String action, String subjectType, Long subjectId,
                      String detail) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor.name(), 80);
        this.role = actor.role();
        this.scope = clip(actor.scope(), 255);
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.detail = clip(detail, DETAIL_LENGTH);
    }

    /** Who acted: a username (or the name typed at a failed sign-in), the role and scope they acted in. */
    public record Actor(String name, String role, String scope) {
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String role() {
        return role;
    }

    public String scope() {
        return scope;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public Long subjectId() {
        return subjectId;
    }

    public String detail() {
        return detail;
    }
}
