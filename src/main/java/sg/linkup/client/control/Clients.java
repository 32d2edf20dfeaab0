package sg.linkup.client.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
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

    /** Whether the client is anonymised, as committed now (read from the table, not from this transaction's copy). */
    public boolean isAnonymised(long clientId) {
        return !em.createQuery("SELECT c.id FROM Client c WHERE c.id = :id AND c.anonymisedAt IS NOT NULL",
                        Long.class)
                .setParameter("id", clientId).getResultList().isEmpty();
    }

    /** A client the retention sweep looks at, and since when they are registered. */
    public record Registered(long id, Instant registeredAt) {
    }

    /**
     * The next {@code most} clients after {@code afterId}, by id, registered by {@code registeredBy} and not
     * anonymised: a plain read that locks nothing, so the clients who are still in touch (most of them) are
     * never held up by the sweep that reads them.
     */
    public List<Registered> notAnonymisedRegisteredBy(Instant registeredBy, long afterId, int most) {
        return em.createQuery("""
                        SELECT c.id, c.registeredAt FROM Client c
                        WHERE c.id > :after AND c.anonymisedAt IS NULL AND c.registeredAt <= :by
                        ORDER BY c.id""", Object[].class)
                .setParameter("after", afterId)
                .setParameter("by", registeredBy)
                .setMaxResults(most)
                .getResultList().stream()
                .map(row -> new Registered((Long) row[0], (Instant) row[1]))
                .toList();
    }

    /**
     * Of these clients, those not anonymised yet, each locked until the caller's transaction ends. A client whose
     * row another transaction holds — a booking under way (the occupancy ledger locks the client), another node's
     * sweep — is skipped, not waited for: the booking makes them active anyway, and the other sweep deals with them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Client> claimForAnonymising(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        var claim = em.createNativeQuery("SELECT id FROM client WHERE id IN ("
                + String.join(", ", Collections.nCopies(clientIds.size(), "?"))
                + ") AND anonymised_at IS NULL FOR UPDATE SKIP LOCKED");
        int position = 1;
        for (Long id : clientIds) {
            claim.setParameter(position++, id);
        }
        @SuppressWarnings("unchecked")
        List<Number> claimed = claim.getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Client c WHERE c.id IN :ids ORDER BY c.id", Client.class)
                .setParameter("ids", claimed.stream().map(Number::longValue).toList())
                .getResultList();
    }
}
