package sg.linkup.availability.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/**
 * Time in which nobody can be booked: one advisor's leave or training, or (without an advisor) a closure of
 * a whole agency, such as a staff retreat.
 */
@Entity
@Table(name = "blackout")
public class Blackout {

    /** Long leave is split into several entries; a year keeps typos like 2062 out. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private PartnerAgency agency;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "advisor_id", updatable = false)
    private Advisor advisor;

    /** Read without loading the relations: slot search and listings need only ids. */
    @Column(name = "agency_id", insertable = false, updatable = false)
    private Long agencyId;

    @Column(name = "advisor_id", insertable = false, updatable = false)
    private Long advisorId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "reason", nullable = false, length = 200)
    private String reason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Blackout() {
    }

    private Blackout(PartnerAgency agency, Advisor advisor, TimeRange range, String reason) {
        this.agency = agency;
        this.agencyId = agency.id();
        this.advisor = advisor;
        this.advisorId = advisor == null ? null : advisor.id();
        change(range, reason);
    }

    /** Moves or re-words the blackout; the agency and advisor it belongs to stay. */
    public final void change(TimeRange range, String reason) {
        if (range.length().compareTo(LONGEST) > 0) {
            throw new InvalidInput("end", "a blackout spans at most " + LONGEST.toDays() + " days; add another");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "say why (leave, training, closure…)");
        }
        if (reason.strip().length() > 200) {
            throw new InvalidInput("reason", "at most 200 characters");
        }
        Text.singleLine("reason", reason);
        this.startsAt = range.start();
        this.endsAt = range.end();
        this.reason = reason.strip();
    }

    public static Blackout ofAdvisor(Advisor advisor, TimeRange range, String reason) {
        return new Blackout(advisor.agency(), advisor, range, reason);
    }

    public static Blackout ofAgency(PartnerAgency agency, TimeRange range, String reason) {
        return new Blackout(agency, null, range, reason);
    }

    public Long id() {
        return id;
    }

    public PartnerAgency agency() {
        return agency;
    }

    /** The advisor on leave, or null when the whole agency is closed. */
    public Advisor advisor() {
        return advisor;
    }

    public Long agencyId() {
        return agencyId;
    }

    /** Null for an agency-wide closure. */
    public Long advisorId() {
        return advisorId;
    }

    public TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }

    public String reason() {
        return reason;
    }

    public long version() {
        return version;
    }
}
