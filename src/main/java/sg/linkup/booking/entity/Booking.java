package sg.linkup.booking.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/**
 * One session of a client with an advisor, from hold to outcome. The booking guards its own transitions; what
 * it occupies is written by the occupancy ledger, which is what refuses double bookings.
 */
@Entity
@Table(name = "booking")
public class Booking {

    public static final int NOTE_LENGTH = 1000;
    public static final int OUTCOME_NOTE_LENGTH = 500;
    /** Counter staff may check a client in this long before the session starts. */
    public static final Duration EARLY_CHECK_IN = Duration.ofHours(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private BookingStatus status;

    @Column(name = "service_id", nullable = false, updatable = false)
    private long serviceId;

    /**
     * The SSO the session is held at (for VIDEO_REMOTE, whose hours it keeps): any active SSO, not only the
     * client's own. Its staff check the client in; the client's own office looks after the booking too.
     */
    @Column(name = "office_id", nullable = false)
    private long officeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "session_mode", nullable = false, length = 20)
    private SessionMode mode;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private long clientId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "hold_expires_at")
    private Instant holdExpiresAt;

    @Column(name = "referral_note", length = NOTE_LENGTH)
    private String referralNote;

    @Column(name = "consent_to_share", nullable = false)
    private boolean consentToShare;

    @Column(name = "video_link", length = 2000)
    private String videoLink;

    /** The iCalendar SEQUENCE of the advisor's invite: raised by every change the invite must show. */
    @Column(name = "ics_sequence", nullable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20)
    private Outcome outcome;

    @Column(name = "outcome_note", length = OUTCOME_NOTE_LENGTH)
    private String outcomeNote;

    @Column(name = "cancel_reason", length = 200)
    private String cancelReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by", length = 12)
    private CancelledBy cancelledBy;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** When the client answered YES by SMS; null until then. */
    @Column(name = "client_confirmed_at")
    private Instant clientConfirmedAt;

    @Column(name = "idempotency_key", length = 200, updatable = false)
    private String idempotencyKey;

    @Column(name = "created_by", nullable = false, length = 80, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Booking() {
    }

    /** Where and when, with whom: what a slot search offered and the ledger took. */
    public record Placement(long serviceId, long officeId, SessionMode mode, long advisorId, Long roomId,
                            TimeRange session) {
        public Placement {
            if (mode.needsRoom() && roomId == null) {
                throw new InvalidInput("roomId", mode + " needs a room at the SSO");
            }
            if (!mode.needsRoom() && roomId != null) {
                throw new InvalidInput("roomId", "a VIDEO_REMOTE session takes no room");
            }
        }
    }

    /** Who asked for it and why; the note is shared with the partner only with the client's consent. */
    public record Referral(String note, boolean consentToShare) {
        public Referral {
            note = note == null || note.isBlank() ? null : Text.multiLine("referralNote", note).strip();
            if (note != null && note.length() > NOTE_LENGTH) {
                throw new InvalidInput("referralNote", "at most " + NOTE_LENGTH + " characters");
            }
        }
    }

    /** A slot kept for a client while details are taken; it lapses by itself at {@code until}. */
    public static Booking hold(Placement placement, long clientId, Instant until, String by, Instant now,
                               String idempotencyKey) {
        Booking booking = new Booking(placement, clientId, by, now, idempotencyKey);
        booking.status = BookingStatus.HELD;
        booking.holdExpiresAt = until;
        return booking;
    }

    public static Booking book(Placement placement, long clientId, Referral referral, String by, Instant now,
                               String idempotencyKey) {
        Booking booking = new Booking(placement, clientId, by, now, idempotencyKey);
        booking.status = BookingStatus.BOOKED;
        booking.refer(referral);
        return booking;
    }

    private Booking(Placement placement, long clientId, String by, Instant now, String idempotencyKey) {
        place(placement);
        this.clientId = clientId;
        this.createdBy = by;
        this.createdAt = now;
        this.idempotencyKey = idempotencyKey;
    }

    private void place(Placement placement) {
        this.serviceId = placement.serviceId();
        this.officeId = placement.officeId();
        this.mode = placement.mode();
        this.advisorId = placement.advisorId();
        this.roomId = placement.roomId();
        this.startsAt = placement.session().start();
        this.endsAt = placement.session().end();
    }

    private void refer(Referral referral) {
        this.referralNote = referral == null ? null : referral.note();
        this.consentToShare = referral != null && referral.consentToShare();
    }

    /** A hold becomes a booking. An expired hold may still be confirmed if the ledger can take it again. */
    public void confirm(Referral referral) {
        require("book", EnumSet.of(BookingStatus.HELD));
        status = BookingStatus.BOOKED;
        holdExpiresAt = null;
        refer(referral);
    }

    public void release() {
        require("release", EnumSet.of(BookingStatus.HELD));
        status = BookingStatus.RELEASED;
    }

    /** Same booking, another time (or advisor or room): the invite goes out again with a higher SEQUENCE. */
    public void reschedule(Placement placement) {
        require("reschedule", EnumSet.of(BookingStatus.BOOKED));
        if (placement.serviceId() != serviceId) {
            throw new InvalidInput("service", "a booking keeps its service; cancel and book the other one");
        }
        place(placement);
        sequence++;
    }

    public void cancel(String reason, CancelledBy by, Instant now) {
        require("cancel", EnumSet.of(BookingStatus.BOOKED, BookingStatus.CHECKED_IN));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "say why the session is cancelled");
        }
        if (reason.strip().length() > 200) {
            throw new InvalidInput("reason", "at most 200 characters");
        }
        Text.singleLine("reason", reason);
        status = BookingStatus.CANCELLED;
        cancelReason = reason.strip();
        cancelledBy = by;
        finishedAt = now;
        sequence++;
    }

    /** The client said by SMS that they will come; only a booking still ahead of them can be confirmed. */
    public void confirmByClient(Instant now) {
        require("confirm attendance of", EnumSet.of(BookingStatus.BOOKED));
        if (!now.isBefore(startsAt)) {
            throw new IllegalTransition("confirm attendance of", BookingStatus.IN_PROGRESS);
        }
        if (clientConfirmedAt == null) {
            clientConfirmedAt = now;
        }
    }

    public void checkIn(Instant now) {
        require("check in", EnumSet.of(BookingStatus.BOOKED));
        if (now.isBefore(startsAt.minus(EARLY_CHECK_IN)) || !now.isBefore(endsAt)) {
            throw new InvalidInput("now", "check-in opens " + EARLY_CHECK_IN.toHours()
                    + " hours before the session and closes at its end");
        }
        status = BookingStatus.CHECKED_IN;
        checkedInAt = now;
    }

    /** The advisor starts the session; a client at home (VIDEO_REMOTE) has no counter to check in at. */
    public void start(Instant now) {
        Set<BookingStatus> from = mode == SessionMode.VIDEO_REMOTE
                ? EnumSet.of(BookingStatus.BOOKED, BookingStatus.CHECKED_IN) : EnumSet.of(BookingStatus.CHECKED_IN);
        require("start", from);
        status = BookingStatus.IN_PROGRESS;
        startedAt = now;
    }

    public void complete(Outcome outcome, String note, Instant now) {
        require("complete", EnumSet.of(BookingStatus.CHECKED_IN, BookingStatus.IN_PROGRESS));
        if (outcome == null) {
            throw new InvalidInput("outcome", "one of ATTENDED, FOLLOW_UP_NEEDED, REFERRED_ON");
        }
        String trimmed = note == null || note.isBlank() ? null : Text.multiLine("note", note).strip();
        if (trimmed != null && trimmed.length() > OUTCOME_NOTE_LENGTH) {
            throw new InvalidInput("note", "at most " + OUTCOME_NOTE_LENGTH + " characters");
        }
        if (outcome == Outcome.REFERRED_ON && trimmed == null) {
            throw new InvalidInput("note", "say where the client was referred on to");
        }
        status = BookingStatus.COMPLETED;
        this.outcome = outcome;
        this.outcomeNote = trimmed;
        finishedAt = now;
    }

    /** Nobody checked the client in within {@code grace} of the start. */
    public void markNoShow(Instant now, Duration grace) {
        require("mark as no-show", EnumSet.of(BookingStatus.BOOKED));
        if (now.isBefore(startsAt.plus(grace))) {
            throw new InvalidInput("now", "the grace period after the start has not passed");
        }
        status = BookingStatus.NO_SHOW;
        finishedAt = now;
    }

    public void attachVideoLink(String link) {
        this.videoLink = link;
    }

    /** A hold that has lapsed occupies nothing any more, even before anyone tidies it up. */
    public boolean isLapsedHoldAt(Instant now) {
        return status == BookingStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now);
    }

    private void require(String action, Set<BookingStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransition(action, status);
        }
    }

    /** For the audit trail: the facts a change can alter, compact. */
    public String describe() {
        return status + " " + startsAt + "–" + endsAt + " " + mode + " office " + officeId + " advisor " + advisorId
                + (roomId == null ? "" : " room " + roomId) + " seq " + sequence;
    }

    public Long id() {
        return id;
    }

    public BookingStatus status() {
        return status;
    }

    public long serviceId() {
        return serviceId;
    }

    public long officeId() {
        return officeId;
    }

    public SessionMode mode() {
        return mode;
    }

    public long advisorId() {
        return advisorId;
    }

    public Long roomId() {
        return roomId;
    }

    public long clientId() {
        return clientId;
    }

    public TimeRange session() {
        return new TimeRange(startsAt, endsAt);
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public String referralNote() {
        return referralNote;
    }

    public boolean consentToShare() {
        return consentToShare;
    }

    public String videoLink() {
        return videoLink;
    }

    public Instant clientConfirmedAt() {
        return clientConfirmedAt;
    }

    public int sequence() {
        return sequence;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String outcomeNote() {
        return outcomeNote;
    }

    public CancelledBy cancelledBy() {
        return cancelledBy;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
