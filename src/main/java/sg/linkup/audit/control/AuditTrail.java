package sg.linkup.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.audit.entity.AuditEvent.Actor;

/** Writes the audit trail. The caller says who acted; this class knows nothing about sign-in. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Recorded in the caller's transaction: if the change rolls back, so does its audit line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String subjectType, Long subjectId, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor, action, subjectType, subjectId, detail));
    }

    /** Recorded on its own: for events whose surrounding work fails on purpose, such as a wrong password. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(Actor actor, String action, String subjectType, Long subjectId, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor, action, subjectType, subjectId, detail));
    }

    /**
     * Deletes up to {@code most} of the oldest lines written before {@code before}, the retention sweep's only
     * change to the trail (README, Retention). The lines are claimed with {@code FOR UPDATE SKIP LOCKED} along
     * ix_audit_time, so two nodes sweeping at once delete different lines and never wait for each other. Returns
     * how many went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteWrittenBefore(Instant before, int most) {
        @SuppressWarnings("unchecked")
        List<Number> claimed = em.createNativeQuery("""
                        SELECT id FROM audit_event FORCE INDEX (ix_audit_time)
                        WHERE occurred_at < ? ORDER BY occurred_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .setParameter(1, Timestamp.from(before))
                .setParameter(2, most)
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.id IN :ids")
                .setParameter("ids", claimed.stream().map(Number::longValue).toList())
                .executeUpdate();
    }

    /** Every line about one subject (e.g. "Booking", 42), oldest first. */
    public List<AuditEvent> about(String subjectType, long subjectId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.subjectType = :type AND e.subjectId = :id "
                        + "ORDER BY e.id", AuditEvent.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultList();
    }
}
