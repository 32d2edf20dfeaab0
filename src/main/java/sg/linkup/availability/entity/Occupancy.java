package sg.linkup.availability.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One resource taken by one booking (or hold) for a time. Written and released only by
 * {@code OccupancyLedger}, which is where double booking is refused.
 */
@Entity
@Table(name = "occupancy")
public class Occupancy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_kind", nullable = false, length = 8, updatable = false)
    private Resource resource;

    @Column(name = "resource_id", nullable = false, updatable = false)
    private long resourceId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "booking_id", nullable = false, updatable = false)
    private long bookingId;

    /** Set while the booking is only a hold: after this instant the row no longer occupies anything. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Occupancy() {
    }

    public Occupancy(Resource resource, long resourceId, TimeRange range, long bookingId, Instant expiresAt) {
        this.resource = resource;
        this.resourceId = resourceId;
        this.startsAt = range.start();
        this.endsAt = range.end();
        this.bookingId = bookingId;
        this.expiresAt = expiresAt;
    }

    public boolean isLiveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public Resource resource() {
        return resource;
    }

    public long resourceId() {
        return resourceId;
    }

    public TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }

    public long bookingId() {
        return bookingId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
