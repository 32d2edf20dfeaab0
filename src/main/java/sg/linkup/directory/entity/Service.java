package sg.linkup.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.InvalidInput;

/** Something an agency offers a client, how long it takes, how it may be delivered and how far ahead. */
@Entity
@Table(name = "service")
public class Service extends CatalogueEntry {

    /** Sessions sit on a 5-minute grid so that slot search can align them. */
    public static final int MINUTE_GRANULARITY = 5;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private PartnerAgency agency;

    @Column(name = "code", nullable = false, unique = true, length = 30)
    private String code;

    @Embedded
    private ServiceName name;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_mode", joinColumns = @JoinColumn(name = "service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 20)
    private Set<SessionMode> allowedModes = EnumSet.noneOf(SessionMode.class);

    @Column(name = "buffer_before_minutes", nullable = false)
    private int bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes", nullable = false)
    private int bufferAfterMinutes;

    @Column(name = "min_notice_minutes", nullable = false)
    private int minNoticeMinutes;

    @Column(name = "horizon_days", nullable = false)
    private int horizonDays;

    protected Service() {
    }

    public Service(PartnerAgency agency, String code, ServiceName name, Terms terms) {
        this.agency = agency;
        describe(code, name, terms);
    }

    /** How a service may be booked; checked as one because its parts constrain each other. */
    public record Terms(int durationMinutes, Set<SessionMode> allowedModes, int bufferBeforeMinutes,
                        int bufferAfterMinutes, int minNoticeMinutes, int horizonDays) {
        public Terms {
            if (durationMinutes <= 0 || durationMinutes % MINUTE_GRANULARITY != 0) {
                throw new InvalidInput("durationMinutes", "must be a positive multiple of " + MINUTE_GRANULARITY);
            }
            if (allowedModes == null || allowedModes.isEmpty()) {
                throw new InvalidInput("allowedModes", "name at least one mode");
            }
            if (bufferBeforeMinutes < 0 || bufferBeforeMinutes % MINUTE_GRANULARITY != 0) {
                throw new InvalidInput("bufferBeforeMinutes", "must be 0 or a multiple of " + MINUTE_GRANULARITY);
            }
            if (bufferAfterMinutes < 0 || bufferAfterMinutes % MINUTE_GRANULARITY != 0) {
                throw new InvalidInput("bufferAfterMinutes", "must be 0 or a multiple of " + MINUTE_GRANULARITY);
            }
            if (minNoticeMinutes < 0) {
                throw new InvalidInput("minNoticeMinutes", "must not be negative");
            }
            if (horizonDays < 1) {
                throw new InvalidInput("horizonDays", "must be at least one day");
            }
            if (Duration.ofMinutes(minNoticeMinutes).compareTo(Duration.ofDays(horizonDays)) >= 0) {
                throw new InvalidInput("minNoticeMinutes", "leaves no bookable time before the horizon");
            }
            allowedModes = Set.copyOf(allowedModes);
        }
    }

    public final void describe(String code, ServiceName name, Terms terms) {
        this.code = code.strip().toUpperCase();
        this.name = name;
        this.durationMinutes = terms.durationMinutes();
        this.allowedModes.clear();
        this.allowedModes.addAll(terms.allowedModes());
        this.bufferBeforeMinutes = terms.bufferBeforeMinutes();
        this.bufferAfterMinutes = terms.bufferAfterMinutes();
        this.minNoticeMinutes = terms.minNoticeMinutes();
        this.horizonDays = terms.horizonDays();
    }

    public boolean allows(SessionMode mode) {
        return allowedModes.contains(mode);
    }

    /** Whether an SMS may name this service: never for a sensitive agency. */
    public boolean mayBeNamedToClients() {
        return !agency.isSensitive();
    }

    public PartnerAgency agency() {
        return agency;
    }

    public String code() {
        return code;
    }

    public ServiceName name() {
        return name;
    }

    public Terms terms() {
        return new Terms(durationMinutes, allowedModes, bufferBeforeMinutes, bufferAfterMinutes,
                minNoticeMinutes, horizonDays);
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }
}
