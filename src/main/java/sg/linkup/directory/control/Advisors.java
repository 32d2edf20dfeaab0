package sg.linkup.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What other features ask about advisors: here, so their imports show it, rather than JPQL of their own. */
@ApplicationScoped
public class Advisors {

    @PersistenceContext
    EntityManager em;

    /** The ids of every advisor of the agency, active or not. */
    public List<Long> idsOfAgency(long agencyId) {
        return em.createQuery("SELECT a.id FROM Advisor a WHERE a.agency.id = :agency", Long.class)
                .setParameter("agency", agencyId).getResultList();
    }
}
