package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.booking.entity.Booking;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Room;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.notification.calendar.CalendarEvent;

/**
 * A booking as a calendar event, the same for invitations and for the advisor's subscription feed: one UID per
 * booking and the booking's sequence, so every calendar program reconciles the two. Nothing about the client
 * goes into it; the advisor opens the booking in Linkup for that.
 */
@ApplicationScoped
public class CalendarEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "linkup.calendar.uid-domain", defaultValue = "linkup.sg")
    String uidDomain;

    @Inject
    @ConfigProperty(name = "linkup.calendar.organizer-email", defaultValue = "no-reply@linkup.localhost")
    String organizerEmail;

    @Inject
    @ConfigProperty(name = "linkup.calendar.organizer-name", defaultValue = "Linkup")
    String organizerName;

    /**
     * The advisor's view, for {@code recipient}: which service, where, and the video link (which may carry the
     * host's token). The recipient is the ATTENDEE — the booking's advisor, or a former one whose calendar a
     * CANCEL clears (RFC 5546: a CANCEL names the attendees it removes).
     */
    public CalendarEvent forAdvisor(Booking booking, CalendarEvent.Method method, Instant stamp, String recipient) {
        Advisor advisor = em.find(Advisor.class, booking.advisorId());
        Service service = em.find(Service.class, booking.serviceId());
        Office office = em.find(Office.class, booking.officeId());
        String summary = service.name().in(Language.EN) + " – " + office.name();
        String description = "Linkup booking " + booking.id() + ": " + mode(booking.mode()) + ". "
                + "The client's details and, where they agreed, the referral note are in Linkup.";
        String name = advisor.email().equalsIgnoreCase(recipient) ? advisor.displayName() : null;
        return event(booking, method, stamp, summary, description, booking.videoLink(),
                List.of(new CalendarEvent.Person(name, recipient)));
    }

    /**
     * The client's view: where and when only. Like the SMS it never names the service, since a mailbox or a
     * shared calendar may be read by others.
     */
    public CalendarEvent forClient(Booking booking, String clientEmail, String guestLink,
                                   CalendarEvent.Method method, Instant stamp) {
        Office office = em.find(Office.class, booking.officeId());
        return event(booking, method, stamp, "Linkup: " + office.name(), "Linkup booking " + booking.id() + ".",
                guestLink, List.of(new CalendarEvent.Person(null, clientEmail)));
    }

    /**
     * Outlook and Google show LOCATION and DESCRIPTION but ignore URL, so the video link goes into DESCRIPTION
     * as well, and into LOCATION for a remote session; a cancelled session carries no link at all.
     */
    private CalendarEvent event(Booking booking, CalendarEvent.Method method, Instant stamp, String summary,
                                String description, String url, List<CalendarEvent.Person> attendees) {
        String link = booking.mode() == SessionMode.IN_PERSON || method == CalendarEvent.Method.CANCEL ? null : url;
        return new CalendarEvent("booking-" + booking.id() + "@" + uidDomain, booking.sequence(), method,
                booking.session().start(), booking.session().end(), summary, location(booking, link),
                link == null ? description : description + "\nJoin the video call: " + link, link,
                new CalendarEvent.Person(organizerName, organizerEmail), attendees, stamp);
    }

    private String location(Booking booking, String link) {
        Office office = em.find(Office.class, booking.officeId());
        String room = booking.roomId() == null ? null : em.find(Room.class, booking.roomId()).name();
        return switch (booking.mode()) {
            case VIDEO_REMOTE -> link == null ? "Video call" : "Video call: " + link;
            case VIDEO_AT_SSO -> "Video call with the client at " + office.name() + (room == null ? "" : ", " + room)
                    + ", " + office.address();
            case IN_PERSON -> office.name() + (room == null ? "" : ", " + room) + ", " + office.address();
        };
    }

    private static String mode(SessionMode mode) {
        return switch (mode) {
            case IN_PERSON -> "in person at the SSO";
            case VIDEO_AT_SSO -> "by video; the client joins from an SSO video room";
            case VIDEO_REMOTE -> "by video; the client joins from their own device";
        };
    }
}
