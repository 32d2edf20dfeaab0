package sg.linkup.booking.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import sg.linkup.platform.Conflict;
import sg.linkup.platform.InvalidInput;

/**
 * A client waiting for a session of a service at one of some offices between two dates. Urgent entries (an
 * urgent housing case) come first, then first come, first served. When a slot frees up, the best entry gets an
 * offer: a hold on that slot for the client, which lapses by itself if nobody takes it.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

    public static final int LONGEST_DAYS = 90;

    public enum Status {
        WAITING, OFFERED, ACCEPTED, DECLINED, WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private long clientId;

    @Column(name = "service_id", nullable = false, updatable = false)
    private long serviceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "waitlist_office", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "office_id", nullable = false)
    private Set<Long> officeIds = new HashSet<>();

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(name = "urgent", nullable = false)
    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private Status status = Status.WAITING;

    @Column(name = "offer_booking_id")
    private Long offerBookingId;

    @Column(name = "created_by", nullable = false, length = 80, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WaitlistEntry() {
    }

    public WaitlistEntry(long clientId, long serviceId, Set<Long> officeIds, LocalDate firstDay, LocalDate lastDay,
                         boolean urgent, String createdBy, Instant now, LocalDate today) {
        if (officeIds == null || officeIds.isEmpty()) {
            throw new InvalidInput("officeIds", "name at least one office the client can reach");
        }
        if (firstDay == null || lastDay == null) {
            throw new InvalidInput(firstDay == null ? "firstDay" : "lastDay", "is required");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidInput("lastDay", "must not be before firstDay");
        }
        if (lastDay.isBefore(today)) {
            throw new InvalidInput("lastDay", "is already past");
        }
        if (firstDay.plusDays(LONGEST_DAYS).isBefore(lastDay)) {
            throw new InvalidInput("lastDay", "a client waits at most " + LONGEST_DAYS + " days; add a new entry");
        }
        this.clientId = clientId;
        this.serviceId = serviceId;
        this.officeIds.addAll(officeIds);
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.urgent = urgent;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Still waiting, or offered a slot whose hold has lapsed or was let go: eligible for the next offer. */
    public boolean awaitsOffer(Booking currentOffer, Instant now) {
        if (status == Status.WAITING) {
            return true;
        }
        return status == Status.OFFERED && (currentOffer == null || currentOffer.isLapsedHoldAt(now)
                || currentOffer.status() == BookingStatus.RELEASED);
    }

    public void offer(long holdId) {
        if (status != Status.WAITING && status != Status.OFFERED) {
            throw new Conflict("the entry is " + status + "; it takes no offers");
        }
        status = Status.OFFERED;
        offerBookingId = holdId;
    }

    public void accepted() {
        if (status != Status.OFFERED) {
            throw new Conflict("there is no open offer on this waitlist entry");
        }
        status = Status.ACCEPTED;
    }

    /**
     * The client turned the offer down: the entry leaves the queue (else the same slot would come straight
     * back to them); counter staff add a new entry if the client still wants another time.
     */
    public void declined() {
        if (status != Status.OFFERED) {
            throw new Conflict("there is no open offer on this waitlist entry");
        }
        status = Status.DECLINED;
    }

    public void withdraw() {
        if (status == Status.ACCEPTED || status == Status.DECLINED) {
            throw new Conflict("the client already took an offered session");
        }
        status = Status.WITHDRAWN;
    }

    public Long id() {
        return id;
    }

    public long clientId() {
        return clientId;
    }

    public long serviceId() {
        return serviceId;
    }

    public Set<Long> officeIds() {
        return new TreeSet<>(officeIds);
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public boolean urgent() {
        return urgent;
    }

    public Status status() {
        return status;
    }

    public Long offerBookingId() {
        return offerBookingId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
