package sg.linkup.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.booking.control.BookingChanged;
import sg.linkup.booking.entity.Booking;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Language;
import sg.linkup.notification.entity.Notification;
import sg.linkup.notification.entity.NotificationKind;

/**
 * Turns each booking change into outbox rows, inside the change's own transaction: an SMS to the client (when
 * they may be texted), calendar mail to the advisor and to the client when an email is known, and one reminder
 * row per configured offset. What the messages say is decided when they are sent, from the booking as it is then.
 */
@ApplicationScoped
public class Notifier {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Minutes before the session at which reminders go out; a reminder already past when booking is skipped. */
    @Inject
    @ConfigProperty(name = "linkup.sms.reminder-minutes", defaultValue = "1440,120")
    List<Integer> reminderMinutes;

    void onChange(@Observes BookingChanged change) {
        Booking booking = em.find(Booking.class, change.bookingId());
        Client client = em.find(Client.class, booking.clientId());
        Instant now = clock.instant();
        switch (change.change()) {
            case BOOKED -> {
                if (!change.byClient()) {
                    sms(NotificationKind.CONFIRMATION, booking, client, now);
                }
                reminders(booking, client, now);
                invites(NotificationKind.INVITE, booking, client, now);
            }
            case RESCHEDULED -> {
                outbox.skipStale(booking.id(), booking.sequence());
                sms(NotificationKind.RESCHEDULED, booking, client, now);
                reminders(booking, client, now);
                uninviteFormerAdvisors(booking, client, now);
                invites(NotificationKind.INVITE, booking, client, now);
            }
            case CANCELLED -> {
                outbox.skipStale(booking.id(), booking.sequence());
                if (!change.byClient()) {
                    sms(NotificationKind.CANCELLED, booking, client, now);
                }
                invites(NotificationKind.INVITE_CANCEL, booking, client, now);
            }
            case OFFERED -> sms(NotificationKind.WAITLIST_OFFER, booking, client, now);
        }
    }

    private void sms(NotificationKind kind, Booking booking, Client client, Instant dueAt) {
        if (client.maySms()) {
            outbox.add(new Notification(kind, Notification.Channel.SMS, client.mobile().e164(),
                    client.preferredLanguage(), booking.id(), client.id(), booking.sequence(), dueAt, clock.instant()));
        }
    }

    private void reminders(Booking booking, Client client, Instant now) {
        for (int minutes : reminderMinutes) {
            Instant due = booking.session().start().minus(Duration.ofMinutes(minutes));
            if (due.isAfter(now)) {
                sms(NotificationKind.REMINDER, booking, client, due);
            }
        }
    }

    /**
     * The advisor always gets the invitation; the client only when an email is known. A cancellation goes only
     * where an invitation went before, so a calendar never receives a CANCEL for an event it never had.
     */
    private void invites(NotificationKind kind, Booking booking, Client client, Instant now) {
        Advisor advisor = em.find(Advisor.class, booking.advisorId());
        if (kind == NotificationKind.INVITE_CANCEL) {
            for (String to : invited(booking)) {
                boolean toClient = to.equalsIgnoreCase(client.email());
                mail(kind, to, toClient ? client.preferredLanguage() : Language.EN, booking,
                        toClient ? client.id() : null, now);
            }
            return;
        }
        mail(kind, advisor.email(), Language.EN, booking, null, now);
        if (client.email() != null && client.isActive()) {
            mail(kind, client.email(), client.preferredLanguage(), booking, client.id(), now);
        }
    }

    /** A session moved to another advisor leaves the former one's calendar: they get a cancellation. */
    private void uninviteFormerAdvisors(Booking booking, Client client, Instant now) {
        String advisor = em.find(Advisor.class, booking.advisorId()).email();
        for (String to : invited(booking)) {
            if (!to.equalsIgnoreCase(advisor) && !to.equalsIgnoreCase(client.email())) {
                mail(NotificationKind.INVITE_CANCEL, to, Language.EN, booking, null, now);
            }
        }
    }

    private List<String> invited(Booking booking) {
        return em.createQuery("""
                        SELECT DISTINCT n.recipient FROM Notification n
                        WHERE n.bookingId = :booking AND n.kind = :invite""", String.class)
                .setParameter("booking", booking.id())
                .setParameter("invite", NotificationKind.INVITE)
                .getResultList();
    }

    private void mail(NotificationKind kind, String to, Language language, Booking booking, Long clientId,
                      Instant now) {
        outbox.add(new Notification(kind, Notification.Channel.EMAIL, to, language, booking.id(), clientId,
                booking.sequence(), now, now));
    }
}
