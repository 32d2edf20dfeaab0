package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import sg.linkup.client.entity.Client;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.sms.DeliveryReport;

/** Records what providers report about sent messages, and flags numbers that turn out not to work. */
@ApplicationScoped
public class Deliveries {

    /**
     * Delivery error codes that say the number itself is the problem (Twilio's 30005 unknown handset, 30006
     * landline or unreachable carrier, 21610 unsubscribed). Carrier codes like 30003 (phone off) are not.
     */
    static final Map<String, Client.SmsProblem> NUMBER_PROBLEMS = Map.of(
            "30005", Client.SmsProblem.INVALID_NUMBER,
            "30006", Client.SmsProblem.INVALID_NUMBER,
            "21610", Client.SmsProblem.UNSUBSCRIBED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Applies a status callback; returns false for an unknown provider id (a message Linkup never sent). */
    @Transactional
    public boolean record(DeliveryReport report) {
        if (report.providerId() == null || report.providerId().isBlank()) {
            return false;
        }
        Notification notification = em.createQuery(
                        "SELECT n FROM Notification n WHERE n.providerId = :id", Notification.class)
                .setParameter("id", report.providerId())
                .getResultStream().findFirst().orElse(null);
        if (notification == null) {
            return false;
        }
        Instant now = clock.instant();
        notification.reported(Notification.Delivery.valueOf(report.status().name()), report.errorCode(), now);
        Client.SmsProblem problem = report.errorCode() == null ? null : NUMBER_PROBLEMS.get(report.errorCode());
        if (problem != null && notification.clientId() != null) {
            Client client = em.find(Client.class, notification.clientId());
            if (client != null && client.hasMobile(notification.recipient())) {
                client.smsFailed(problem, now);
            }
        }
        return true;
    }
}
