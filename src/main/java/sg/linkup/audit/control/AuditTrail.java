package sg.linkup.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
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

    /** Every line about one subject (e.g. "Booking", 42), oldest first. */
    public List<AuditEvent> about(String subjectType, long subjectId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.subjectType = :type AND e.subjectId = :id "
                        + "ORDER BY e.id", AuditEvent.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultList();
    }
}
