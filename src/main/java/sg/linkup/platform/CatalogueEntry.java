package sg.linkup.platform;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every catalogue record shares: a database id, an optimistic-lock version, and an active flag.
 * Records are deactivated, never deleted, because bookings and audit records keep referring to them.
 */
@MappedSuperclass
public abstract class CatalogueEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long id() {
        return id;
    }

    /** Goes up with every committed change; a PUT's If-Match is compared with it (see {@link ETags}). */
    public long version() {
        return version;
    }

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }
}
