package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import sg.linkup.client.entity.Client;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

/**
 * The outbox table: messages are added in the caller's transaction; dispatchers claim due ones with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, and record each outcome in a transaction of its own right after
 * the provider answered.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Written with the change that causes it: if that change rolls back, the message never existed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Notification notification) {
        em.persist(notification);
    }

    /**
     * Takes up to {@code most} due messages for {@code node}, each for {@code lease}. Rows another node holds
     * locked are skipped, not waited for; a row whose lease ran out (its node died mid-send) is due again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Notification> claim(String node, int most, Duration lease) {
        Instant now = clock.instant();
        // Two reads, each walking ix_notification_due in order and stopping at its LIMIT: InnoDB locks every row
        // it reads until the claim commits, so a read that scans and sorts (one "PENDING … OR SENDING …" read, or
        // a table scan) locks every due row and leaves the other nodes nothing to take. The index is forced so
        // that this never depends on the optimizer's statistics.
        List<Long> ids = new ArrayList<>(claimable("""
                SELECT id FROM notification FORCE INDEX (ix_notification_due)
                WHERE status = 'PENDING' AND due_at <= ?
                ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""", now, most));
        if (ids.size() < most) {
            ids.addAll(claimable("""
                    SELECT id FROM notification FORCE INDEX (ix_notification_due)
                    WHERE status = 'SENDING' AND lease_until <= ?
                    LIMIT ? FOR UPDATE SKIP LOCKED""", now, most - ids.size()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // One read for the batch (the rows are locked already), not one per row.
        List<Notification> claimed = em.createQuery("SELECT n FROM Notification n WHERE n.id IN :ids ORDER BY n.dueAt",
                        Notification.class)
                .setParameter("ids", ids)
                .getResultList();
        claimed.forEach(notification -> notification.claim(node, now, lease));
        return claimed;
    }

    private List<Long> claimable(String sql, Instant now, int most) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(sql)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, most)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The provider took the message. Only the node holding the claim may say so — the rule the entity's other
     * outcomes guard, here as one guarded UPDATE because it runs once per message on the dispatcher's hot path.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(long id, String node, String providerId, String body) {
        if (record(id, node, providerId, body) == 0) {
            // The lease ran out before the provider answered and another node took the row: it may go twice.
            LOG.warning("Notification " + id + " was sent by " + node + " after its lease ran out");
        }
    }

    /**
     * The provider already had this row's text from an earlier attempt (whose node died before recording it):
     * its id is recorded, as if this attempt had sent it. False, and nothing recorded, when that id is already
     * another row's — an identical text of another message, not this one's. (True, with nothing recorded, when the
     * row is no longer this node's: the node that took it over decides.)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean foundSent(long id, String node, String providerId, String body) {
        boolean anothers = !em.createQuery("SELECT n.id FROM Notification n WHERE n.providerId = :provider",
                        Long.class)
                .setParameter("provider", providerId)
                .getResultList().isEmpty();
        if (anothers) {
            return false;
        }
        if (record(id, node, providerId, body) == 0) {
            LOG.warning("Notification " + id + " was looked up by " + node + " after its lease ran out");
        }
        return true;
    }

    private int record(long id, String node, String providerId, String body) {
        Instant now = clock.instant();
        return em.createQuery("""
                        UPDATE Notification n SET n.status = :sent, n.providerId = :provider, n.body = :body,
                          n.sentAt = :now, n.updatedAt = :now, n.leaseUntil = NULL, n.lastError = NULL
                        WHERE n.id = :id AND n.status = :sending AND n.claimedBy = :node""")
                .setParameter("sent", Notification.Status.SENT)
                .setParameter("provider", providerId)
                .setParameter("body", body)
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("sending", Notification.Status.SENDING)
                .setParameter("node", node)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void skipped(long id, String node, String why) {
        mine(id, node).ifPresent(n -> n.skip(why, clock.instant()));
    }

    /** A transient failure: due again after a back-off, or failed for good when out of attempts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(long id, String node, String error, BackOff backOff, double random) {
        Instant now = clock.instant();
        mine(id, node).ifPresent(n -> {
            if (n.attempts() >= backOff.maxAttempts()) {
                n.fail("gave up after " + n.attempts() + " attempts: " + error, now);
            } else {
                n.retryAt(now.plus(backOff.after(n.attempts(), random)), error, now);
            }
        });
    }

    /**
     * Refused for good. When the number itself is the reason, the client is flagged for counter staff and
     * further texts to them are skipped until the number is corrected.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, String node, String error, Client.SmsProblem problem) {
        Instant now = clock.instant();
        mine(id, node).ifPresent(n -> {
            n.fail(error, now);
            if (problem != null && n.clientId() != null) {
                Client client = em.find(Client.class, n.clientId());
                if (client != null && client.mobile().e164().equals(n.recipient())) {
                    client.smsFailed(problem, now);
                }
            }
        });
    }

    /**
     * Pending messages of a booking that a change has made stale are dropped now rather than at send time. One
     * guarded UPDATE: a row a dispatcher claimed meanwhile stays its own (it is checked again when rendered).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int skipStale(long bookingId, int currentSequence) {
        List<NotificationKind> stale = Arrays.stream(NotificationKind.values())
                .filter(NotificationKind::staleAfterChange).toList();
        return em.createQuery("""
                        UPDATE Notification n SET n.status = :skipped, n.lastError = :why, n.updatedAt = :now
                        WHERE n.bookingId = :booking AND n.status = :pending AND n.bookingSequence < :sequence
                        AND n.kind IN :kinds""")
                .setParameter("skipped", Notification.Status.SKIPPED)
                .setParameter("why", "the booking changed before this was sent")
                .setParameter("now", clock.instant())
                .setParameter("booking", bookingId)
                .setParameter("pending", Notification.Status.PENDING)
                .setParameter("sequence", currentSequence)
                .setParameter("kinds", stale)
                .executeUpdate();
    }

    private Optional<Notification> mine(long id, String node) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || notification.status() != Notification.Status.SENDING
                || !node.equals(notification.claimedBy())) {
            return Optional.empty();  // the lease ran out and another node took it over: its outcome counts
        }
        return Optional.of(notification);
    }
}
