package sg.linkup.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sg.linkup.directory.entity.Language;

/**
 * One message in the outbox. It is written with the booking change it announces and carries only who, what
 * kind and when: the text is rendered from the booking when the message is sent, so a reminder never tells of
 * a time the booking no longer has. The row then records what was sent and what the provider said.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int ERROR_LENGTH = 300;

    public enum Channel {
        SMS, EMAIL
    }

    public enum Status {
        /** Waiting for {@code dueAt}, or for its next attempt. */
        PENDING,
        /** Claimed by a dispatcher until {@code leaseUntil}; claimed again if that node dies. */
        SENDING,
        /** The provider took it ({@code Outbox.sent}: one UPDATE on the hot path, guarded like the methods here). */
        SENT,
        /** Not sent on purpose: the booking moved on, or the client opted out. */
        SKIPPED,
        /** Refused for good, or out of attempts. */
        FAILED
    }

    /** What the provider later reported (SMS status callbacks). */
    public enum Delivery {
        QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "booking_id", updatable = false)
    private Long bookingId;

    @Column(name = "client_id", updatable = false)
    private Long clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20, updatable = false)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 8, updatable = false)
    private Channel channel;

    @Column(name = "recipient", nullable = false, length = 254, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2, updatable = false)
    private Language language;

    /** The booking's calendar sequence when this was written: a later change makes the message stale. */
    @Column(name = "booking_sequence", nullable = false, updatable = false)
    private int bookingSequence;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "claimed_by", length = 80)
    private String claimedBy;

    @Column(name = "body")
    private String body;

    @Column(name = "provider_id", length = 64)
    private String providerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery", length = 12)
    private Delivery delivery;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Set by {@link #claim} when it took the row from a node that never recorded an outcome; not stored. */
    @Transient
    private PreviousAttempt inDoubt;

    /**
     * An attempt that may have reached the provider: a node claimed the row, handed {@code body} over, and its
     * lease ran out before it recorded an outcome (killed, or stalled past its lease). The provider took that text,
     * if at all, after {@code since}: the row was not due before then, and an attempt is only made once it is due.
     */
    public record PreviousAttempt(String node, String body, Instant since) {
    }

    protected Notification() {
    }

    /** A message about a booking, due at {@code dueAt}. */
    public Notification(NotificationKind kind, Channel channel, String recipient, Language language,
                        Long bookingId, Long clientId, int bookingSequence, Instant dueAt, Instant now) {
        if (kind.channel() != channel) {
            throw new IllegalArgumentException(kind + " is not sent by " + channel);
        }
        this.kind = kind;
        this.channel = channel;
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.language = Objects.requireNonNull(language, "language");
        this.bookingId = bookingId;
        this.clientId = clientId;
        this.bookingSequence = bookingSequence;
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a dispatcher may take it now: due and waiting, or claimed by a node whose lease ran out. */
    public boolean isClaimableAt(Instant now) {
        return !dueAt.isAfter(now) && (status == Status.PENDING
                || status == Status.SENDING && leaseUntil != null && !leaseUntil.isAfter(now));
    }

    /**
     * A dispatcher takes the message until {@code now + lease}; each claim counts as an attempt. Taken from a
     * node whose lease ran out, after it had handed a text over, the row is {@link #inDoubt}.
     */
    public void claim(String node, Instant now, Duration lease) {
        if (!isClaimableAt(now)) {
            throw new IllegalStateException("notification " + id + " is " + status + ", not claimable");
        }
        inDoubt = channel == Channel.SMS && status == Status.SENDING && body != null ? new PreviousAttempt(claimedBy, body, dueAt) : null;
        status = Status.SENDING;
        claimedBy = node;
        leaseUntil = now.plus(lease);
        attempts++;
        updatedAt = now;
    }

    /**
     * The text this attempt hands to the provider, kept before it is sent: if this node dies before recording the
     * outcome, the node that takes the row over asks the provider for exactly this text.
     */
    public void handOver(String text) {
        requireSending();
        body = Objects.requireNonNull(text, "text");
    }

    /** The previous attempt, when {@link #claim} took this row over from a node that never said how it went. */
    public Optional<PreviousAttempt> inDoubt() {
        return Optional.ofNullable(inDoubt);
    }

    /** Not sent, on purpose: the booking changed or the client may not be texted. */
    public void skip(String why, Instant now) {
        if (status == Status.SENT || status == Status.FAILED) {
            return;
        }
        status = Status.SKIPPED;
        lastError = clip(why);
        leaseUntil = null;
        updatedAt = now;
    }

    /** A transient failure: tried again at {@code next}. */
    public void retryAt(Instant next, String error, Instant now) {
        requireSending();
        status = Status.PENDING;
        dueAt = next;
        leaseUntil = null;
        lastError = clip(error);
        updatedAt = now;
    }

    /** Refused for good, or out of attempts. */
    public void fail(String error, Instant now) {
        requireSending();
        status = Status.FAILED;
        leaseUntil = null;
        lastError = clip(error);
        updatedAt = now;
    }

    /**
     * A provider's status report. Reports may arrive out of order (delivered before sent), so a final state is
     * never overwritten by an earlier one.
     */
    public void reported(Delivery reported, String errorCode, Instant now) {
        if (delivery != null && rank(reported) < rank(delivery)) {
            return;
        }
        delivery = reported;
        if (errorCode != null && !errorCode.isBlank()) {
            lastError = clip("provider error " + errorCode);
        }
        updatedAt = now;
    }

    private static int rank(Delivery delivery) {
        return switch (delivery) {
            case QUEUED -> 0;
            case SENT -> 1;
            case DELIVERED, UNDELIVERED, FAILED -> 2;
        };
    }

    private void requireSending() {
        if (status != Status.SENDING) {
            throw new IllegalStateException("notification " + id + " is " + status + ", not being sent");
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Long bookingId() {
        return bookingId;
    }

    public Long clientId() {
        return clientId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public String recipient() {
        return recipient;
    }

    public Language language() {
        return language;
    }

    public int bookingSequence() {
        return bookingSequence;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public String body() {
        return body;
    }

    public String providerId() {
        return providerId;
    }

    public Delivery delivery() {
        return delivery;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
