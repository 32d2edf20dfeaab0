package sg.linkup.notification.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;
import static sg.linkup.security.entity.Role.Names.PARTNER;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.booking.boundary.BookingAccess;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Language;
import sg.linkup.notification.calendar.Addresses;
import sg.linkup.notification.control.Messages;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

/** The messages about one booking and what became of them, for whoever may see the booking. */
@Path("bookings/{id}/notifications")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, COUNTER_STAFF, SUPERVISOR, PARTNER})
@Tag(name = "Notifications", description = "SMS and calendar messages, their delivery, calendar feeds")
public class BookingNotificationsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    BookingAccess access;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    /**
     * One message; the recipient is masked, an SMS's text is shown as the client reads it, its video link not.
     * Recipient and text are null once the retention sweep purged them.
     */
    @Schema(name = "Notification")
    public record NotificationJson(long id, NotificationKind kind, Notification.Channel channel, String recipient,
                                   Notification.Status status,
                                   @Schema(description = "what the provider last reported") Notification.Delivery delivery,
                                   int attempts, Instant dueAt, Instant sentAt, String lastError,
                                   @Schema(description = "an SMS's text in the client's language, as sent or as it "
                                           + "will go, a video link reading [video link]; null for an e-mail and "
                                           + "for a text that did not and will not go") String text,
                                   @Schema(description = "the language it is written in: the client's when it was "
                                           + "queued") Language language) {

        static NotificationJson of(Notification n, String text) {
            return new NotificationJson(n.id(), n.kind(), n.channel(), masked(n), n.status(), n.delivery(),
                    n.attempts(), n.dueAt(), n.sentAt(), n.lastError(), text, n.language());
        }

        private static String masked(Notification n) {
            if (n.recipient() == null) {
                return null;  // purged by the retention sweep
            }
            if (n.channel() == Notification.Channel.SMS) {
                return PhoneNumber.masked(n.recipient());
            }
            return Addresses.maskedAddress(n.recipient());
        }
    }

    @GET
    @Operation(summary = "Messages about the booking: SMS, reminders, calendar invitations, and their delivery")
    public List<NotificationJson> list(@PathParam("id") long id) {
        access.readable(id);
        Instant now = clock.instant();
        return em.createQuery("SELECT n FROM Notification n WHERE n.bookingId = :id ORDER BY n.dueAt, n.id",
                        Notification.class)
                .setParameter("id", id).getResultStream()
                .map(n -> NotificationJson.of(n, messages.previewForStaff(n, now).orElse(null))).toList();
    }
}
