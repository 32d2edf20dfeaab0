package sg.linkup.client.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PhoneNumber;

/** What other features ask about clients: here, so their imports show it, rather than JPQL of their own. */
@ApplicationScoped
public class Clients {

    @PersistenceContext
    EntityManager em;

    /** Every client record with this mobile number, oldest first: family members may share a phone. */
    public List<Client> withMobile(PhoneNumber mobile) {
        return em.createQuery("SELECT c FROM Client c WHERE c.mobile = :mobile ORDER BY c.id", Client.class)
                .setParameter("mobile", mobile).getResultList();
    }

    /** The ids of the clients registered at any of these offices. */
    public List<Long> idsAt(Collection<Long> officeIds) {
        if (officeIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c.id FROM Client c WHERE c.officeId IN :offices", Long.class)
                .setParameter("offices", officeIds).getResultList();
    }
}
