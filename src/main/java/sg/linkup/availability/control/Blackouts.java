package sg.linkup.availability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import sg.linkup.availability.entity.Blackout;
import sg.linkup.availability.entity.Occupancy;
import sg.linkup.availability.entity.Resource;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.control.Advisors;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.ETags;
import sg.linkup.platform.NotFound;

/** Advisor leave and agency closures, and which existing bookings they would collide with. */
@ApplicationScoped
public class Blackouts {

    @PersistenceContext
    EntityManager em;

    @Inject
    OccupancyLedger ledger;

    @Inject
    Advisors directory;

    @Inject
    Clock clock;

    /** Whose blackouts: one advisor's leave, or (advisor null) the agency's own closures. */
    public record Owner(PartnerAgency agency, Advisor advisor) {
        public static Owner of(Advisor advisor) {
            return new Owner(advisor.agency(), advisor);
        }

        public static Owner of(PartnerAgency agency) {
            return new Owner(agency, null);
        }

        Long advisorId() {
            return advisor == null ? null : advisor.id();
        }

        Blackout blackout(TimeRange range, String reason) {
            return advisor == null ? Blackout.ofAgency(agency, range, reason)
                    : Blackout.ofAdvisor(advisor, range, reason);
        }

        boolean owns(Blackout blackout) {
            return Objects.equals(blackout.agencyId(), agency.id()) && Objects.equals(blackout.advisorId(), advisorId());
        }
    }

    /** What a blackout is, and the bookings it collides with. */
    public record Impact(Blackout blackout, List<Occupancy> collisions) {
    }

    public List<Blackout> of(Owner owner) {
        var query = owner.advisor() == null
                ? em.createQuery("SELECT b FROM Blackout b WHERE b.agencyId = :owner AND b.advisorId IS NULL "
                        + "ORDER BY b.startsAt", Blackout.class).setParameter("owner", owner.agency().id())
                : em.createQuery("SELECT b FROM Blackout b WHERE b.advisorId = :owner ORDER BY b.startsAt",
                        Blackout.class).setParameter("owner", owner.advisorId());
        return query.getResultList();
    }

    /** The blackout as it would be, with its collisions; nothing is stored. */
    public Impact preview(Owner owner, TimeRange range, String reason) {
        Blackout blackout = owner.blackout(range, reason);
        return new Impact(blackout, collisions(owner, blackout.range()));
    }

    public Impact add(Owner owner, TimeRange range, String reason) {
        Blackout blackout = owner.blackout(range, reason);
        em.persist(blackout);
        em.flush();
        return new Impact(blackout, collisions(owner, blackout.range()));
    }

    public Blackout one(Owner owner, long id) {
        return find(owner, id);
    }

    /** Moves or re-words a blackout, if the caller's If-Match (when given) still names its current version. */
    public Impact change(Owner owner, long id, Long expectedVersion, TimeRange range, String reason) {
        Blackout blackout = find(owner, id);
        ETags.requireCurrent(expectedVersion, blackout.version(), noun(owner) + " " + id);
        blackout.change(range, reason);
        em.flush();
        return new Impact(blackout, collisions(owner, blackout.range()));
    }

    /** Withdraws a blackout, if the caller's If-Match (when given) still names its current version. */
    public void withdraw(Owner owner, long id, Long expectedVersion) {
        Blackout blackout = find(owner, id);
        ETags.requireCurrent(expectedVersion, blackout.version(), noun(owner) + " " + id);
        em.remove(blackout);
    }

    private Blackout find(Owner owner, long id) {
        Blackout blackout = em.find(Blackout.class, id);
        if (blackout == null || !owner.owns(blackout)) {
            throw new NotFound(noun(owner), id);
        }
        return blackout;
    }

    private static String noun(Owner owner) {
        return owner.advisor() == null ? "Closure" : "Blackout";
    }

    /** Bookings and live holds of the advisor (or of every advisor of the agency) inside the range. */
    private List<Occupancy> collisions(Owner owner, TimeRange range) {
        List<Long> advisors = owner.advisor() != null ? List.of(owner.advisorId())
                : directory.idsOfAgency(owner.agency().id());
        return ledger.live(Resource.ADVISOR, advisors, range, clock.instant());
    }
}
