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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.booking.boundary.BookingAccess;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.notification.calendar.Addresses;
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

    /** One message; the recipient is masked, the text is not shown (it may carry a video link). */
    @Schema(name = "Notification")
    public record NotificationJson(long id, NotificationKind kind, Notification.Channel channel, String recipient,
                                   Notification.Status status,
                                   @Schema(description = "what the provider last reported") Notification.Delivery delivery,
                                   int attempts, Instant dueAt, Instant sentAt, String lastError) {

        static NotificationJson of(Notification n) {
            return new NotificationJson(n.id(), n.kind(), n.channel(), masked(n), n.status(), n.delivery(),
                    n.attempts(), n.dueAt(), n.sentAt(), n.lastError());
        }

        private static String masked(Notification n) {
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
        return em.createQuery("SELECT n FROM Notification n WHERE n.bookingId = :id ORDER BY n.dueAt, n.id",
                        Notification.class)
                .setParameter("id", id).getResultStream().map(NotificationJson::of).toList();
    }
}
